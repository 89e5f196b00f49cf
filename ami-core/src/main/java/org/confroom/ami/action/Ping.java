package org.confroom.ami.action;

/** {@code Ping}: answered with {@code Ping: Pong} and a timestamp; also the keepalive. */
public record Ping() implements AmiAction {
    @Override
    public String name() {
        return "Ping";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        // no headers
    }
}
