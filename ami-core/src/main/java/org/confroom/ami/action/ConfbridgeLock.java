package org.confroom.ami.action;

/** {@code ConfbridgeLock}: nobody else can join. Emits no event; {@code ConfbridgeListRooms} shows the state. */
public final class ConfbridgeLock extends ConferenceAction {
    /** @param conference the conference name */
    public ConfbridgeLock(String conference) {
        super("ConfbridgeLock", conference);
    }
}
