package org.confroom.ami.action;

/** {@code Logoff}: Asterisk answers {@code Response: Goodbye} and closes the connection. */
public record Logoff() implements AmiAction {
    @Override
    public String name() {
        return "Logoff";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        // no headers
    }
}
