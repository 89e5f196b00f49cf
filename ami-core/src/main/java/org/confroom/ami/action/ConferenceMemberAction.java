package org.confroom.ami.action;

/**
 * A ConfBridge action on members of a conference: writes {@code Conference} and {@code Channel}.
 * Besides a channel name, Asterisk accepts {@link #ALL} and {@link #PARTICIPANTS} (everyone but
 * admins). Mute and unmute match the channel as a case-insensitive prefix, kick needs the whole name.
 */
public abstract sealed class ConferenceMemberAction extends ConferenceAction
        permits ConfbridgeMute, ConfbridgeUnmute, ConfbridgeKick {
    /** {@code Channel: all}: every member. */
    public static final String ALL = "all";
    /** {@code Channel: participants}: every member who is not an admin. */
    public static final String PARTICIPANTS = "participants";

    private final String channel;

    ConferenceMemberAction(String name, String conference, String channel) {
        super(name, conference);
        this.channel = Require.nonEmpty(channel, "channel");
    }

    /** @return the member's channel name, {@link #ALL} or {@link #PARTICIPANTS} */
    public final String channel() {
        return channel;
    }

    @Override
    public final void writeHeaders(HeaderWriter out) {
        super.writeHeaders(out);
        out.add("Channel", channel);
    }
}
