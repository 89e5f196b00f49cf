package org.confroom.conference.directory;

import java.util.List;

/**
 * What a CSV import did, row by row in file order.
 *
 * @param rows one entry per non-blank data row
 */
public record ImportReport(List<ImportRow> rows) {

    /** @return rows that became contacts */
    public long imported() {
        return count(ImportOutcome.IMPORTED);
    }

    /** @return rows whose number was already known */
    public long duplicates() {
        return count(ImportOutcome.DUPLICATE);
    }

    /** @return rows refused by validation */
    public long invalid() {
        return count(ImportOutcome.INVALID);
    }

    private long count(ImportOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
