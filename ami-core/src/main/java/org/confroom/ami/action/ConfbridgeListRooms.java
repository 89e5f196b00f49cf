package org.confroom.ami.action;

/**
 * {@code ConfbridgeListRooms}: an event list with one {@code ConfbridgeListRooms} item per
 * conference (parties, marked, locked, muted); the only way to see the lock state. With no
 * conference at all Asterisk answers {@code Error} / {@code No active conferences.} (transcript 06).
 * Needs write class {@code reporting}.
 */
public record ConfbridgeListRooms() implements AmiAction {
    @Override
    public String name() {
        return "ConfbridgeListRooms";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        // no headers
    }
}
