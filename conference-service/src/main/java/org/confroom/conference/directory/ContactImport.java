package org.confroom.conference.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.confroom.conference.ConflictException;
import org.confroom.conference.ValidationException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Imports contacts from a CSV file (RFC 4180, UTF-8 with or without BOM, a header row naming
 * {@code name}, {@code number} and optionally {@code email} and {@code notes} in any order and case).
 * Every row is checked like a form; the valid rows whose number is new are imported together in one
 * transaction, and the report says per row what happened. One audit row {@code contact.import} carries
 * the counts. Files over {@value #MAX_BYTES} bytes or {@value #MAX_ROWS} rows are refused whole.
 */
@ApplicationScoped
public class ContactImport {
    /** Largest file: 5 MiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most data rows (the header and blank rows not counted). */
    public static final int MAX_ROWS = 10_000;

    @Inject
    ContactValidator validator;

    @Inject
    ContactImportWriter writer;

    @Inject
    RefusalAudit refusals;

    /**
     * Imports a file. Reading and checking happen before any transaction; only the inserts hold one.
     *
     * @param csv the file's bytes (read up to one byte past the limit; not closed here)
     * @param fileName the uploaded file's name for the audit row, or null
     * @param actor who
     * @return the outcome of every data row
     * @throws ValidationException of field {@code file}: too large, too many rows, not UTF-8, no valid
     *     header, or a quoted field left open
     * @throws ConflictException when another operator added one of the numbers during the import (nothing is imported)
     */
    public ImportReport importCsv(InputStream csv, String fileName, String actor) {
        return refusals.run(actor, ContactImportWriter.ACTION, null, fileName, () -> {
            ImportPlan plan = plan(decode(readBounded(csv)));
            return writer.store(plan, fileName, actor);
        });
    }

    /** Same as {@link #importCsv(InputStream, String, String)} for text already in memory. */
    public ImportReport importCsv(String csv, String fileName, String actor) {
        return importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), fileName, actor);
    }

    private ImportPlan plan(String text) {
        CsvReader reader = new CsvReader(text);
        if (!reader.hasNext()) {
            throw new ValidationException("file", "the file is empty; the first row must be the header name,number");
        }
        CsvHeader header = CsvHeader.of(reader.next());
        List<ImportRow> settled = new ArrayList<>();
        List<ImportPlan.Candidate> candidates = new ArrayList<>();
        Map<String, Integer> firstRowOfNumber = new HashMap<>();
        int rows = 0;
        while (reader.hasNext()) {
            CsvRecord record = reader.next();
            if (++rows > MAX_ROWS) {
                throw new ValidationException("file", "more than " + MAX_ROWS + " rows; split the file into parts of at most "
                        + MAX_ROWS + " rows, each with the header");
            }
            ValidContact contact = check(record, header, settled);
            if (contact == null) {
                continue;
            }
            Integer earlier = firstRowOfNumber.putIfAbsent(contact.number().value(), record.row());
            if (earlier != null) {
                settled.add(new ImportRow(record.row(), record.line(), ImportOutcome.DUPLICATE, null,
                        "same number " + contact.number().display() + " as row " + earlier, null));
            } else {
                candidates.add(new ImportPlan.Candidate(record.row(), record.line(), contact));
            }
        }
        return new ImportPlan(settled, candidates);
    }

    /** @return the checked row, or null after adding an INVALID row to {@code settled} */
    private ValidContact check(CsvRecord record, CsvHeader header, List<ImportRow> settled) {
        if (record.problem() != null) {
            settled.add(ImportRow.invalid(record, "row", record.problem()));
            return null;
        }
        if (record.fields().size() > header.size()) {
            settled.add(ImportRow.invalid(record, "row", "has " + record.fields().size() + " fields but the header has "
                    + header.size() + "; enclose values that contain commas in quotes"));
            return null;
        }
        try {
            return validator.validate(header.draft(record));
        } catch (ValidationException e) {
            settled.add(ImportRow.invalid(record, e.field(), e.getMessage().substring(e.field().length() + 2)));
            return null;
        }
    }

    private static byte[] readBounded(InputStream csv) {
        try {
            byte[] bytes = csv.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ValidationException("file", "larger than 5 MB (" + MAX_BYTES + " bytes); split it into smaller files");
            }
            return bytes;
        } catch (IOException e) {
            throw new ValidationException("file", "could not be read: " + e.getMessage());
        }
    }

    /** Strict UTF-8; a byte order mark at the start is dropped. */
    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ValidationException("file", "line " + line + " is not UTF-8 text; save the file as"
                    + " 'CSV UTF-8' (in Excel: CSV UTF-8 (Comma delimited))");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
