package org.confroom.ami.action;

/**
 * {@code ConfbridgeStopRecord}: stops recording; emits {@code ConfbridgeStopRecord}. A second stop
 * is answered {@code Internal error while stopping recording.}
 */
public final class ConfbridgeStopRecord extends ConferenceAction {
    /** @param conference the conference name */
    public ConfbridgeStopRecord(String conference) {
        super("ConfbridgeStopRecord", conference);
    }
}
