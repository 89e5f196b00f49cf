package org.confroom.ami.action;

/**
 * {@code CoreStatus}: start and reload time and call counters of the running Asterisk; after a
 * restart the start time changes (transcripts 21, 27). Needs write class {@code system} or {@code reporting}.
 */
public record CoreStatus() implements AmiAction {
    @Override
    public String name() {
        return "CoreStatus";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        // no headers
    }
}
