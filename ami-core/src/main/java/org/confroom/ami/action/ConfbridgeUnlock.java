package org.confroom.ami.action;

/** {@code ConfbridgeUnlock}: others can join again. Emits no event. */
public final class ConfbridgeUnlock extends ConferenceAction {
    /** @param conference the conference name */
    public ConfbridgeUnlock(String conference) {
        super("ConfbridgeUnlock", conference);
    }
}
