package org.confroom.conference.live;

/**
 * Where a conference member stands.
 *
 * <pre>
 *   (listed by ConfbridgeList, not in the bridge yet) --ConfbridgeJoin--> JOINED
 *          JOINING
 * </pre>
 *
 * Asterisk lists the first member of a new conference (user profile {@code default_user}) for about
 * 3 s before its {@code ConfbridgeJoin}, while it hears {@code conf-onlyperson} (transcript 22). Such a
 * member is shown as {@link #JOINING} and is not counted by {@link LiveRoom#memberCount()}; it becomes
 * {@link #JOINED} with its {@code ConfbridgeJoin}. A member first seen in a list is JOINED when
 * {@code CoreShowChannels} shows its channel in a bridge, else JOINING.
 */
public enum MemberPhase {
    /** Listed by ConfbridgeList but not yet in the bridge (hears a prompt); not counted. */
    JOINING,
    /** In the conference bridge. */
    JOINED
}
