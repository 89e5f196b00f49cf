package org.confroom.conference.directory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.confroom.conference.ValidationException;

/**
 * Reads CSV as RFC 4180 describes it, one record at a time: fields separated by commas, records by
 * CRLF, LF or CR; a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""}).
 * Beyond the RFC it accepts spaces before an opening quote and after a closing one. A quote inside an
 * unquoted field, or text after a closing quote, makes that record's {@link CsvRecord#problem()} and
 * reading goes on; a quoted field still open at the end of the text spoils everything after it and is
 * refused as a {@link ValidationException} of field {@code file}. Blank records are skipped (their rows
 * still count). The text is expected without byte order mark.
 *
 * <pre>
 *  FIELD_START --'"'--> QUOTED --'"'--> QUOTE_IN_QUOTED --'"'--> QUOTED (a literal quote)
 *       |                                     |--space--> AFTER_QUOTED
 *       |--other--> UNQUOTED                  |--',' or line break--> field ends
 *  UNQUOTED --'"' after only spaces--> QUOTED; --'"' after text--> problem, kept literally
 * </pre>
 */
final class CsvReader implements Iterator<CsvRecord> {
    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    private final String text;
    private int pos;
    private int line = 1;
    private int row;
    private CsvRecord next;

    /** @param text the whole file, decoded, without BOM */
    CsvReader(String text) {
        this.text = text;
        this.next = readNonBlank();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public CsvRecord next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        CsvRecord current = next;
        next = readNonBlank();
        return current;
    }

    private CsvRecord readNonBlank() {
        CsvRecord r = read();
        while (r != null && r.blank()) {
            r = read();
        }
        return r;
    }

    /** @return the next record, blank or not, or null at the end of the text */
    private CsvRecord read() {
        if (pos >= text.length()) {
            return null;
        }
        row++;
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        State state = State.FIELD_START;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (state == State.QUOTED) {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    field.append(c == '\r' || c == '\n' ? lineBreak(c) : String.valueOf(c));
                }
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                state = State.FIELD_START;
                if (c != ',') {
                    lineBreak(c);
                    return new CsvRecord(row, startLine, fields, problem);
                }
                continue;
            }
            if (c == '"') {
                if (state == State.QUOTE_IN_QUOTED) {
                    field.append('"');
                    state = State.QUOTED;
                } else if ((state == State.FIELD_START || state == State.UNQUOTED) && field.toString().isBlank()) {
                    field.setLength(0);
                    state = State.QUOTED;
                } else {
                    problem = problem != null ? problem : "a quote inside a field that does not start with a quote;"
                            + " enclose the whole field in quotes and double the quotes inside (\"\")";
                    field.append(c);
                }
                continue;
            }
            if ((state == State.QUOTE_IN_QUOTED || state == State.AFTER_QUOTED) && (c == ' ' || c == '\t')) {
                state = State.AFTER_QUOTED;
                continue;
            }
            if (state == State.QUOTE_IN_QUOTED || state == State.AFTER_QUOTED) {
                problem = problem != null ? problem : "text after the closing quote of a field;"
                        + " enclose the whole field in quotes and double the quotes inside (\"\")";
            }
            field.append(c);
            state = State.UNQUOTED;
        }
        if (state == State.QUOTED) {
            throw new ValidationException("file", "row " + row + " (line " + startLine + "): a quoted field is not closed"
                    + " before the end of the file; add the closing quote");
        }
        fields.add(field.toString());
        return new CsvRecord(row, startLine, fields, problem);
    }

    /** Counts a line break (CRLF, LF or a lone CR) and consumes the LF of a CRLF; returns it as it stood. */
    private String lineBreak(char c) {
        line++;
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            return "\r\n";
        }
        return String.valueOf(c);
    }
}
