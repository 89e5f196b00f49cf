package org.confroom.conference.directory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.confroom.conference.ConflictException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** The database half of {@link ContactImport}: drops numbers the directory has, inserts the rest, audits the counts. */
@ApplicationScoped
public class ContactImportWriter {
    static final String ACTION = "contact.import";
    private static final int LOOKUP_CHUNK = 1000;

    @Inject
    AuditLog audit;

    /**
     * Stores the candidates of a checked file in one transaction.
     *
     * @param plan the checked file
     * @param fileName for the audit row, or null
     * @param actor who
     * @return every row's outcome in file order
     * @throws ConflictException when another operator added one of the numbers meanwhile (nothing is stored)
     */
    @Transactional
    ImportReport store(ImportPlan plan, String fileName, String actor) {
        Map<String, Contact> known = known(plan.candidates());
        List<ImportRow> rows = new ArrayList<>(plan.settled());
        List<ImportPlan.Candidate> fresh = new ArrayList<>();
        for (ImportPlan.Candidate c : plan.candidates()) {
            Contact existing = known.get(c.contact().number().value());
            if (existing == null) {
                fresh.add(c);
            } else {
                rows.add(new ImportRow(c.row(), c.line(), ImportOutcome.DUPLICATE, null,
                        "already in the directory as '" + existing.name + "' (id " + existing.id + ")", existing.id));
            }
        }
        Map<String, Long> ids = insert(fresh.stream().map(ImportPlan.Candidate::contact).toList());
        fresh.forEach(c -> rows.add(new ImportRow(c.row(), c.line(), ImportOutcome.IMPORTED, null, null,
                ids.get(c.contact().number().value()))));
        rows.sort(Comparator.comparingInt(ImportRow::row));
        ImportReport report = new ImportReport(List.copyOf(rows));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", rows.size());
        details.put("imported", report.imported());
        details.put("duplicates", report.duplicates());
        details.put("invalid", report.invalid());
        audit.record(actor, ACTION, null, RefusalAudit.printable(fileName), AuditEvent.Outcome.OK, details);
        return report;
    }

    /**
     * Inserts all contacts with one statement (row by row through the entity manager, 10,000 rows take
     * seconds); a number someone else inserted meanwhile fails the whole import.
     *
     * @return contact id by number
     */
    private static Map<String, Long> insert(List<ValidContact> contacts) {
        Map<String, Long> ids = new HashMap<>();
        if (contacts.isEmpty()) {
            return ids;
        }
        try {
            Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into contact (name, number, email, notes)"
                        + " select * from unnest(?::text[], ?::text[], ?::text[], ?::text[]) returning id, number")) {
                    insert.setArray(1, connection.createArrayOf("text", column(contacts, ValidContact::name)));
                    insert.setArray(2, connection.createArrayOf("text", column(contacts, c -> c.number().value())));
                    insert.setArray(3, connection.createArrayOf("text", column(contacts, ValidContact::email)));
                    insert.setArray(4, connection.createArrayOf("text", column(contacts, ValidContact::notes)));
                    try (ResultSet inserted = insert.executeQuery()) {
                        while (inserted.next()) {
                            ids.put(inserted.getString(2), inserted.getLong(1));
                        }
                    }
                }
            });
        } catch (PersistenceException e) {
            if (ConstraintViolations.violates(e, ContactService.NUMBER_UNIQUE)) {
                throw new ConflictException("someone else added one of the numbers while the file was imported;"
                        + " nothing was imported, import the file again");
            }
            throw e;
        }
        return ids;
    }

    private static String[] column(List<ValidContact> contacts, Function<ValidContact, String> value) {
        return contacts.stream().map(value).toArray(String[]::new);
    }

    private static Map<String, Contact> known(List<ImportPlan.Candidate> candidates) {
        List<String> numbers = candidates.stream().map(c -> c.contact().number().value()).toList();
        Map<String, Contact> known = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_CHUNK));
            Contact.<Contact>list("number in ?1", chunk).forEach(c -> known.put(c.number, c));
        }
        return known;
    }
}
