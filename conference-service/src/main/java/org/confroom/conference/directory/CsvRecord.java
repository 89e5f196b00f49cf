package org.confroom.conference.directory;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param row record number as a spreadsheet shows it: the first record is row 1, blank lines count
 * @param line line of the file where the record starts (differs from {@code row} after quoted line breaks)
 * @param fields the fields, unquoted
 * @param problem what is malformed in this record (a stray quote), or null when it is well formed
 */
record CsvRecord(int row, int line, List<String> fields, String problem) {

    /** @return true when every field is empty or spaces (a blank line, or only commas) */
    boolean blank() {
        return problem == null && fields.stream().allMatch(String::isBlank);
    }
}
