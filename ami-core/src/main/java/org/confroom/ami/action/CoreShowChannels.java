package org.confroom.ami.action;

/**
 * {@code CoreShowChannels}: an event list with one {@code CoreShowChannel} item per channel, then
 * {@code CoreShowChannelsComplete}. Hidden conference channels ({@code CBAnn/...}) are not listed.
 * Needs write class {@code system} or {@code reporting}.
 */
public record CoreShowChannels() implements AmiAction {
    @Override
    public String name() {
        return "CoreShowChannels";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        // no headers
    }
}
