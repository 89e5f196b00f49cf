package org.confroom.ami.action;

import java.util.Optional;

/**
 * {@code ConfbridgeStartRecord}: starts recording the conference; emits {@code ConfbridgeRecord}.
 * Needs write class {@code system}.
 */
public final class ConfbridgeStartRecord extends ConferenceAction {
    private final Optional<String> recordFile;

    /**
     * Records to Asterisk's default file, {@code confbridge-<conference>-<epoch>.wav} in the monitor directory.
     *
     * @param conference the conference name
     */
    public ConfbridgeStartRecord(String conference) {
        this(conference, Optional.empty());
    }

    /**
     * @param conference the conference name
     * @param recordFile the file to record to, if not the default
     */
    public ConfbridgeStartRecord(String conference, Optional<String> recordFile) {
        super("ConfbridgeStartRecord", conference);
        this.recordFile = Require.nonEmpty(recordFile, "recordFile");
    }

    /** @return the file to record to, if not Asterisk's default */
    public Optional<String> recordFile() {
        return recordFile;
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        super.writeHeaders(out);
        recordFile.ifPresent(f -> out.add("RecordFile", f));
    }
}
