package org.confroom.conference.directory;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.confroom.conference.audit.AuditEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Numbers no other test uses (Berlin, 030 77xxxxxx) and audit lookups, for the directory and invitee tests. */
public final class TestNumbers {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestNumbers() {
    }

    /** @return a valid German number as typed nationally, new on every call */
    public static String typed() {
        return String.format("030 77%06d", NEXT.incrementAndGet());
    }

    /** @return the E.164 form of a number from {@link #typed()} */
    public static String e164(String typed) {
        return "+49" + typed.substring(1).replace(" ", "");
    }

    /** @return the audit rows with this target, oldest first */
    public static List<AuditEvent> audit(String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("target = ?1 order by id", target));
    }
}
