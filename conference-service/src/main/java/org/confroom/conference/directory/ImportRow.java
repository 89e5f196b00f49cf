package org.confroom.conference.directory;

/**
 * The outcome of one CSV row.
 *
 * @param row row number as a spreadsheet shows it (the header is row 1; blank rows count)
 * @param line line of the file where the row starts
 * @param outcome what became of it
 * @param field for {@link ImportOutcome#INVALID}: the field at fault ({@code name}, {@code number},
 *     {@code email}, {@code notes}, or {@code row} for a malformed row); otherwise null
 * @param message why, for people; null for {@link ImportOutcome#IMPORTED}
 * @param contactId the contact created, or the existing contact a duplicate clashes with; else null
 */
public record ImportRow(int row, int line, ImportOutcome outcome, String field, String message, Long contactId) {

    static ImportRow invalid(CsvRecord record, String field, String message) {
        return new ImportRow(record.row(), record.line(), ImportOutcome.INVALID, field, message, null);
    }
}
