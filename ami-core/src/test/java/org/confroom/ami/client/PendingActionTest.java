package org.confroom.ami.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * An action queued on a connection that is closing is either taken by the writer (outcome unknown) or
 * given up by the sender (not sent, safe to send again): never both, which would dial a number twice.
 */
class PendingActionTest {
    @Test
    void takenByTheWriterItCannotBeGivenUp() {
        PendingAction p = new PendingAction("1", "Originate", 1000, true);
        assertThat(p.takeForWriting()).isTrue();
        assertThat(p.takeForWriting()).as("the same writer asking again").isTrue();
        assertThat(p.abandon()).isFalse();
    }

    @Test
    void givenUpItIsNeverWritten() {
        PendingAction p = new PendingAction("1", "Originate", 1000, true);
        assertThat(p.abandon()).isTrue();
        assertThat(p.abandon()).as("failAll after the sender").isTrue();
        assertThat(p.takeForWriting()).isFalse();
    }

    @Test
    void racingWriterAndSenderAgreeEveryTime() throws Exception {
        for (int i = 0; i < 20_000; i++) {
            PendingAction p = new PendingAction(Integer.toString(i), "Originate", 1000, true);
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean written = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                written.set(p.takeForWriting());
            });
            writer.start();
            go.countDown();
            boolean notSent = p.abandon();
            writer.join();
            assertThat(notSent).as("try " + i + ": exactly one of 'written' and 'not sent'").isNotEqualTo(written.get());
        }
    }
}
