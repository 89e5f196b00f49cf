package org.confroom.web.demo;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.confroom.ami.action.Originate;
import org.confroom.conference.ConflictException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.pbx.PbxConnection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Places a two-party call on the demo simulator, so the live-calls page has something to merge:
 * {@code Local/<from>@phones} runs {@code calls,<to>,1}, which dials {@code <to>} (the recorded
 * dialplan, transcript 10). Only in demo mode: on a real PBX this would ring real phones.
 */
@ApplicationScoped
public class DemoCalls {
    private static final System.Logger LOG = System.getLogger(DemoCalls.class.getName());
    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,15}");
    private static final int MAX_NAME = 40;
    private static final Duration RING = Duration.ofSeconds(30);

    @Inject
    DemoMode demo;

    @Inject
    PbxConnection connection;

    @Inject
    AuditLog audit;

    /** What was placed. */
    public record DemoCall(String from, String to, String name) {
    }

    /**
     * Starts the call; the Originate is sent without waiting for the phones to answer.
     *
     * @throws ConflictException outside demo mode
     * @throws ValidationException for a number that is not 2 to 15 digits, equal numbers, or an unusable name
     * @throws org.confroom.conference.PbxCommandException when the PBX connection is not there
     */
    public DemoCall place(String from, String to, String name, String actor) {
        if (!demo.enabled()) {
            throw new ConflictException("demo calls can only be placed in demo mode (the simulated Asterisk); "
                    + "on a real PBX, call from a phone");
        }
        String a = number("from", from);
        String b = number("to", to);
        if (a.equals(b)) {
            throw new ValidationException("to", "must differ from the calling number");
        }
        String n = name == null || name.isBlank() ? a : name.strip();
        if (n.length() > MAX_NAME) {
            throw new ValidationException("name", "at most " + MAX_NAME + " characters");
        }
        if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\')) {
            throw new ValidationException("name", "must not contain quotes, angle brackets, backslashes or control characters");
        }
        Originate o = Originate.builder("Local/" + a + "@phones").dialplan("calls", b, 1).callerId("\"" + n + "\" <" + a + ">")
                .build();
        connection.client().originate(o, RING).whenComplete((r, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "demo call " + a + " -> " + b + " failed: " + e.getMessage());
            } else if (!r.isSuccess()) {
                LOG.log(Level.INFO, "demo call " + a + " -> " + b + ": " + r.reasonText());
            }
        });
        audit.recordSeparately(actor, "demo.call", null, a + " -> " + b, AuditEvent.Outcome.OK, Map.of("from", a, "to", b, "name", n));
        return new DemoCall(a, b, n);
    }

    private static String number(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new ValidationException(field, "required");
        }
        if (!NUMBER.matcher(v).matches()) {
            throw new ValidationException(field, "digits only, 2 to 15 of them (for example 1001)");
        }
        return v;
    }
}
