package org.confroom.ami.action;

/**
 * {@code ConfbridgeList}: an event list with one {@code ConfbridgeList} item per member; a member
 * shows up here before its {@code ConfbridgeJoin} (transcript 22). Needs write class {@code reporting}.
 */
public final class ConfbridgeList extends ConferenceAction {
    /** @param conference the conference name */
    public ConfbridgeList(String conference) {
        super("ConfbridgeList", conference);
    }
}
