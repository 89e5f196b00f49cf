package org.confroom.conference.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.confroom.conference.ConflictException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Audit rows of failures, and the database constraint as the last guard when two operators race. */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class RefusalAuditTest {
    @Inject
    RefusalAudit refusals;

    @Inject
    ContactService contacts;

    @Test
    void unexpectedFailuresAreAuditedAsFailed() {
        String target = "target-" + UUID.randomUUID();
        assertThatThrownBy(() -> refusals.run("alice", "test.fail", null, target, () -> {
            throw new IllegalStateException("disk on fire");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(TestNumbers.audit(target)).singleElement().satisfies(e -> {
            assertThat(e.outcome).isEqualTo(AuditEvent.Outcome.FAILED);
            assertThat(e.details).containsEntry("reason", "java.lang.IllegalStateException: disk on fire");
        });
    }

    @Test
    void printableTargets() {
        assertThat(RefusalAudit.printable("a\r\nb\u0000")).isEqualTo("a\\u000D\\u000Ab\\u0000");
        assertThat(RefusalAudit.printable("x".repeat(500))).hasSize(100);
        assertThat(RefusalAudit.printable(null)).isNull();
    }

    @Test
    void twoOperatorsAddingOneNumberAtOnceGetOneContact() throws Exception {
        for (int round = 0; round < 5; round++) {
            String typed = TestNumbers.typed();
            List<Throwable> failures = Race.failures(List.of(() -> contacts.create(ContactDraft.of("Racer A", typed), "alice"),
                    () -> contacts.create(ContactDraft.of("Racer B", typed), "bob")));
            assertThat(failures).singleElement().isInstanceOf(ConflictException.class);
            assertThat(contacts.search(typed, 0, 10).total()).isEqualTo(1);
        }
    }
}
