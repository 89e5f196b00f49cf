package org.confroom.conference.directory;

import java.util.Locale;
import java.util.function.Supplier;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.PersistenceException;

/**
 * Turns a database constraint that fired (two operators racing past the same check)
 * into the {@link org.confroom.conference.ConferenceException} the check itself would have thrown.
 */
public final class ConstraintViolations {
    private ConstraintViolations() {
    }

    /**
     * Runs database writes and flushes them; when the named constraint fires, throws what
     * {@code onViolation} makes. Covers both moments a constraint can fire: at {@code persist} (an
     * identity id inserts at once) and at flush.
     *
     * @param constraint constraint name in the schema, or a part of it, for example {@code contact_number_unique}
     * @param onViolation the error to throw instead
     * @param writes persist, delete, or nothing (changes of managed entities are flushed)
     * @throws RuntimeException from {@code onViolation}, or the original failure for any other constraint
     */
    public static void guard(String constraint, Supplier<? extends RuntimeException> onViolation, Runnable writes) {
        try {
            writes.run();
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (violates(e, constraint)) {
                throw onViolation.get();
            }
            throw e;
        }
    }

    /** @return true when the chain of {@code failure} holds a violation of the named constraint */
    static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
