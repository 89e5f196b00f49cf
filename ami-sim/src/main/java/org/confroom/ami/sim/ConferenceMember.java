package org.confroom.ami.sim;

/** A member of a {@link ConferenceRoom}: listed from the moment it joins, in the bridge once its prompt is over. */
final class ConferenceMember {
    final Channel channel;
    final UserProfile profile;
    final ConferenceRoom room;
    boolean inBridge;
    boolean muted;
    boolean kicked;

    ConferenceMember(Channel channel, UserProfile profile, ConferenceRoom room) {
        this.channel = channel;
        this.profile = profile;
        this.room = room;
    }
}
