package org.confroom.conference.invite;

import java.sql.SQLException;

/** Recognizes a PostgreSQL unique violation (SQLState 23505) anywhere in an exception's cause chain. */
final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** @return true when {@code t} or one of its causes is a unique violation */
    static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
