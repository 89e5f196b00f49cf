package org.confroom.conference.directory;

/** What became of one CSV row. */
public enum ImportOutcome {
    /** A new contact was created. */
    IMPORTED,
    /** The number is already in the directory, or on an earlier row of the same file; nothing changed. */
    DUPLICATE,
    /** The row breaks a rule; nothing changed. */
    INVALID
}
