package org.confroom.conference.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.confroom.conference.ValidationException;

/**
 * The header row of a contact CSV file: columns {@code name} and {@code number}, optionally {@code email}
 * and {@code notes}, in any order and any case. Anything else is refused, so no column is dropped unseen.
 */
final class CsvHeader {
    private static final List<String> REQUIRED = List.of("name", "number");
    private static final List<String> KNOWN = List.of("name", "number", "email", "notes");
    private static final String EXPECTED = "the first row must be the header name,number with optionally email and notes,"
            + " in any order";

    private final Map<String, Integer> columns;
    private final int size;

    private CsvHeader(Map<String, Integer> columns, int size) {
        this.columns = columns;
        this.size = size;
    }

    /**
     * @param first the first record of the file
     * @throws ValidationException of field {@code file} when it is not a valid header
     */
    static CsvHeader of(CsvRecord first) {
        if (first.problem() != null) {
            throw new ValidationException("file", "row " + first.row() + " (header): " + first.problem());
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < first.fields().size(); i++) {
            String column = first.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(column)) {
                throw new ValidationException("file", looksLikeHeader(first)
                        ? "unknown column " + quoted(List.of(column)) + " in the header; " + EXPECTED
                        : EXPECTED + "; found " + quoted(first.fields()));
            }
            if (columns.put(column, i) != null) {
                throw new ValidationException("file", "the column '" + column + "' appears twice in the header");
            }
        }
        for (String column : REQUIRED) {
            if (!columns.containsKey(column)) {
                throw new ValidationException("file", "the header lacks the column '" + column + "'; " + EXPECTED);
            }
        }
        return new CsvHeader(columns, first.fields().size());
    }

    /** @return number of columns */
    int size() {
        return size;
    }

    /** @return the record's values as a draft; missing trailing fields are empty */
    ContactDraft draft(CsvRecord record) {
        return new ContactDraft(value(record, "name"), value(record, "number"), value(record, "email"), value(record, "notes"));
    }

    private String value(CsvRecord record, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.fields().size() ? null : record.fields().get(index);
    }

    private static boolean looksLikeHeader(CsvRecord first) {
        return first.fields().stream().anyMatch(f -> KNOWN.contains(f.strip().toLowerCase(Locale.ROOT)));
    }

    /** @return the values in quotes, each cut to 40 characters, control characters shown as {@code \\uXXXX} */
    private static String quoted(List<String> values) {
        return values.stream().limit(6).map(v -> "'" + RefusalAudit.printable(v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'")
                .collect(Collectors.joining(", "));
    }
}
