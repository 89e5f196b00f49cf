package org.confroom.conference.directory;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.PersistenceException;

/**
 * Turns a database constraint that fired at flush time (two operators racing past the same check)
 * into the {@link org.confroom.conference.ConferenceException} the check itself would have thrown.
 */
public final class ConstraintViolations {
    private ConstraintViolations() {
    }

    /**
     * Flushes the persistence context; when the named constraint fires, throws what {@code onViolation} makes.
     *
     * @param constraint constraint name in the schema, for example {@code contact_number_unique}
     * @param onViolation the error to throw instead
     * @throws RuntimeException from {@code onViolation}, or the original failure for any other constraint
     */
    public static void flush(String constraint, java.util.function.Supplier<? extends RuntimeException> onViolation) {
        try {
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
