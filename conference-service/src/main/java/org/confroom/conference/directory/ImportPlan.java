package org.confroom.conference.directory;

import java.util.List;

/**
 * A checked CSV file before it meets the database: rows already decided (invalid, or repeating an
 * earlier row's number) and valid candidates, each with a number not seen before in the file.
 *
 * @param settled rows whose outcome is known
 * @param candidates rows to import unless the directory already has their number
 */
record ImportPlan(List<ImportRow> settled, List<Candidate> candidates) {

    /**
     * A valid row.
     *
     * @param row row number
     * @param line line number
     * @param contact the checked values
     */
    record Candidate(int row, int line, ValidContact contact) {
    }
}
