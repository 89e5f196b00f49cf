package org.confroom.conference.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs a command so that a refusal is audited too: a {@link ConferenceException} it throws is recorded
 * as {@code REFUSED}, any other failure as {@code FAILED}, in a transaction of its own (the command's
 * transaction rolls back), then rethrown. Successful commands record their own {@code OK} row in their
 * transaction. Should the audit row itself fail, its failure is added to the command's as suppressed.
 */
@ApplicationScoped
public class RefusalAudit {
    private static final int MAX_TARGET = 100;

    @Inject
    AuditLog audit;

    /**
     * @param actor who
     * @param action audit action, for example {@code contact.create}
     * @param roomId room concerned, or null
     * @param target what the command was about, as typed (made printable and cut to 100 characters)
     * @param command the command
     * @param <T> its result
     * @return what the command returned
     */
    public <T> T run(String actor, String action, Long roomId, String target, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", e instanceof ConferenceException ? e.getMessage() : e.getClass().getName() + ": " + e.getMessage());
            if (e instanceof ValidationException v) {
                details.put("field", v.field());
            }
            AuditEvent.Outcome outcome = e instanceof ConferenceException ? AuditEvent.Outcome.REFUSED : AuditEvent.Outcome.FAILED;
            try {
                audit.recordSeparately(actor, action, roomId, printable(target), outcome, details);
            } catch (RuntimeException auditFailure) {
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
    }

    /** Same as {@link #run(String, String, Long, String, Supplier)} for a command without result. */
    public void run(String actor, String action, Long roomId, String target, Runnable command) {
        run(actor, action, roomId, target, () -> {
            command.run();
            return null;
        });
    }

    /** @return the text with control characters shown as {@code \\uXXXX}, cut to 100 characters; null stays null */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < MAX_TARGET; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return b.length() > MAX_TARGET ? b.substring(0, MAX_TARGET) : b.toString();
    }
}
