package org.confroom.conference.directory;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confroom.conference.ConflictException;
import org.confroom.conference.InputText;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The phone directory: create, edit, delete, find and search contacts. A number belongs to at most one
 * contact. Every change writes an audit row ({@code contact.create}, {@code contact.update},
 * {@code contact.delete}); refusals are audited as {@code REFUSED}.
 */
@ApplicationScoped
public class ContactService {
    /** Largest page {@link #search} returns. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Longest search text. */
    public static final int MAX_QUERY = 100;
    static final String NUMBER_UNIQUE = "contact_number_unique";

    @Inject
    ContactValidator validator;

    @Inject
    NumberNormalizer numbers;

    @Inject
    ContactUsage usage;

    @Inject
    AuditLog audit;

    @Inject
    RefusalAudit refusals;

    /**
     * Creates a contact.
     *
     * @param draft what was entered
     * @param actor who
     * @return the new contact
     * @throws ValidationException naming the field at fault
     * @throws ConflictException when the number already belongs to a contact (the message names it)
     */
    @Transactional
    public Contact create(ContactDraft draft, String actor) {
        return refusals.run(actor, "contact.create", null, auditTarget(draft.number()), () -> {
            ValidContact valid = validator.validate(draft);
            requireFreeNumber(valid.number(), null);
            Contact contact = new Contact();
            valid.applyTo(contact);
            ConstraintViolations.guard(NUMBER_UNIQUE, () -> takenMeanwhile(valid.number()), contact::persist);
            audit.record(actor, "contact.create", null, contact.number, AuditEvent.Outcome.OK, describe(contact));
            return contact;
        });
    }

    /**
     * Edits a contact; {@code expectedVersion} guards against overwriting another operator's edit.
     *
     * @throws NotFoundException for an unknown contact
     * @throws ValidationException naming the field at fault
     * @throws ConflictException for a number of another contact or a stale version
     */
    @Transactional
    public Contact update(long id, int expectedVersion, ContactDraft draft, String actor) {
        return refusals.run(actor, "contact.update", null, auditTarget(draft.number()), () -> {
            Contact contact = get(id);
            if (contact.version != expectedVersion) {
                throw new ConflictException("contact " + contact.label()
                        + " was changed by someone else meanwhile; reload and try again");
            }
            ValidContact valid = validator.validate(draft);
            requireFreeNumber(valid.number(), contact.id);
            Map<String, Object> before = describe(contact);
            valid.applyTo(contact);
            contact.updatedAt = OffsetDateTime.now();
            ConstraintViolations.guard(NUMBER_UNIQUE, () -> takenMeanwhile(valid.number()), () -> { });
            Map<String, Object> details = describe(contact);
            before.forEach((k, v) -> details.put("old." + k, v));
            audit.record(actor, "contact.update", null, contact.number, AuditEvent.Outcome.OK, details);
            return contact;
        });
    }

    /**
     * Deletes a contact that nothing refers to.
     *
     * @throws NotFoundException for an unknown contact
     * @throws ConflictException when the contact is invited to a room (remove it there first) or has call
     *     history (it is kept; edit it instead); the message says which
     */
    @Transactional
    public void delete(long id, String actor) {
        refusals.run(actor, "contact.delete", null, "contact " + id, () -> {
            Contact contact = get(id);
            List<String> rooms = usage.invitedRooms(id);
            if (!rooms.isEmpty()) {
                throw new ConflictException("contact " + contact.label() + " is invited to room " + String.join(", ", rooms)
                        + "; remove it from " + (rooms.size() == 1 ? "that room" : "those rooms") + " first, then delete it");
            }
            long calls = usage.callAttempts(id);
            if (calls > 0) {
                throw new ConflictException("contact " + contact.label() + " has " + calls
                        + " call(s) in the call history, which must keep pointing to it, so it cannot be deleted;"
                        + " edit its name or notes instead (for example 'left the company')");
            }
            ConstraintViolations.guard("_contact_id_fkey", () -> new ConflictException("contact " + contact.label()
                    + " was just invited to a room or called by someone else; reload and try again"), contact::delete);
            audit.record(actor, "contact.delete", null, contact.number, AuditEvent.Outcome.OK, describe(contact));
        });
    }

    /** @throws NotFoundException when there is no such contact */
    @Transactional
    public Contact get(long id) {
        return Contact.<Contact>findByIdOptional(id).orElseThrow(() -> new NotFoundException("no contact with id " + id));
    }

    /** @return the contact with exactly this number */
    @Transactional
    public Optional<Contact> findByNumber(DialNumber number) {
        return Contact.find("number", number.value()).firstResultOptional();
    }

    /**
     * Finds contacts whose name contains the text (ignoring case) or whose number contains its digits
     * ({@code 1234}, {@code +4930}); text that is a whole number in any typed form ({@code 030 1234567})
     * also finds the contact with that number. Ordered by name.
     *
     * @param query search text, blank for all contacts
     * @param page page index from 0
     * @param size page size, 1 to {@value #MAX_PAGE_SIZE}
     * @return the page and the total count
     * @throws ValidationException naming {@code query}, {@code page} or {@code size}
     */
    @Transactional
    public ResultPage<Contact> search(String query, int page, int size) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY) {
            throw new ValidationException("query", "at most " + MAX_QUERY + " characters");
        }
        // a NUL would reach PostgreSQL, which refuses it in text ("invalid byte sequence"): say so instead
        InputText.refuseControlCharacters("query", text, false);
        if (page < 0) {
            throw new ValidationException("page", "0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("size", "1 to " + MAX_PAGE_SIZE);
        }
        ContactSearch search = ContactSearch.of(text, numbers);
        List<Contact> items = Contact.<Contact>find("from Contact where " + search.where() + " order by lower(name), id",
                search.parameters()).page(Page.of(page, size)).list();
        return new ResultPage<>(items, page, size, Contact.count(search.where(), search.parameters()));
    }

    private void requireFreeNumber(DialNumber number, Long self) {
        Optional<Contact> existing = findByNumber(number);
        if (existing.isPresent() && !existing.get().id.equals(self)) {
            Contact other = existing.get();
            throw new ConflictException("number " + number.display() + " already belongs to contact '" + other.name
                    + "' (id " + other.id + "); edit that contact instead");
        }
    }

    /** The number as stored when it is valid, else as typed: refusals of one number are found under one target. */
    private String auditTarget(String typed) {
        return numbers.tryParse(typed).map(DialNumber::value).orElse(typed);
    }

    private static ConflictException takenMeanwhile(DialNumber number) {
        return new ConflictException("number " + number.display() + " was just added to the directory by someone else;"
                + " reload and try again");
    }

    private static Map<String, Object> describe(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("name", c.name);
        m.put("number", c.number);
        m.put("email", c.email);
        m.put("notes", c.notes == null ? null : "set");
        return m;
    }

    /** The where clause of a search and its parameters; '!' escapes LIKE wildcards. */
    record ContactSearch(String where, Parameters parameters) {
        static ContactSearch of(String text, NumberNormalizer numbers) {
            if (text.isEmpty()) {
                return new ContactSearch("1 = 1", new Parameters());
            }
            StringBuilder where = new StringBuilder("lower(name) like lower(:text) escape '!'");
            Parameters p = Parameters.with("text", "%" + escapeLike(text) + "%");
            String digits = text.replaceAll("[\\s\\u00A0./()\\u2013-]", "");
            if (digits.matches("\\+?[0-9]+")) {
                where.append(" or number like :digits");
                p.and("digits", "%" + digits + "%");
            }
            numbers.tryParse(text).ifPresent(exact -> {
                where.append(" or number = :exact");
                p.and("exact", exact.value());
            });
            return new ContactSearch(where.toString(), p);
        }

        private static String escapeLike(String s) {
            return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }
    }
}
