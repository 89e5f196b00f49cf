package org.confroom.conference;

import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL cannot be reached (refused, restarting, shutting down, or no pooled connection within the
 * acquisition timeout). The message says what happened to the request; {@link #find} tells such a failure
 * from other database errors anywhere in a cause chain.
 */
public final class DatabaseUnavailableException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was and what was not done, for the user
     * @param cause the database failure
     */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param failure any exception
     * @return the database's own words when {@code failure} or one of its causes says the database cannot
     *     be reached: SQLState class 08 (connection exception), 57P01 to 57P03 (shutting down, crashed,
     *     starting up), or the connection pool's acquisition timeout
     */
    public static Optional<String> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException d) {
                return Optional.of(d.getMessage());
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                String message = s.getMessage() == null ? "" : s.getMessage();
                if (state.startsWith("08") || state.startsWith("57P0") || message.contains("acquisition timeout")) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }
}
