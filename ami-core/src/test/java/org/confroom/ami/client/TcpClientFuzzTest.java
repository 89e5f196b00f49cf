package org.confroom.ami.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.GenericAction;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiStreamMutator;
import org.confroom.ami.codec.DecoderLimits;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.codec.RandomTries;
import org.confroom.ami.codec.Transcripts;
import org.junit.jupiter.api.Test;

/**
 * The whole client against a peer that answers each action with a damaged stretch of a recorded
 * stream, then (mostly) the real response: the reader thread survives all of it (one connection for
 * the whole run), every malformed block reaches the listeners and the counters, and every action
 * completes, with its response or a timeout, never later than its timeout.
 */
class TcpClientFuzzTest {
    private static final int CI_TRIES = 60;
    private static final Duration ACTION_TIMEOUT = Duration.ofMillis(300);
    private static final long COMPLETION_BOUND_MILLIS = ACTION_TIMEOUT.toMillis() + 2_000;
    /** Ends whatever the damage left open: a line, a message, a Response: Follows block. */
    private static final byte[] RESET = "\r\n--END COMMAND--\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int WINDOW = 16 * 1024;

    @Test
    void damagedStreamsNeverKillTheReaderAndEveryActionCompletes() throws Exception {
        int tries = RandomTries.tries("client", CI_TRIES);
        List<String> names = Transcripts.tcpNames();
        List<MalformedMessage> reported = new CopyOnWriteArrayList<>();
        long[] totals = new long[3]; // answered, timed out, malformed expected
        try (FakeAmiServer server = new FakeAmiServer();
                TcpAmiClient client = new TcpAmiClient(server.config().actionTimeout(ACTION_TIMEOUT)
                        .keepaliveInterval(Duration.ZERO).build())) {
            client.addListener(new AmiEventListener() {
                @Override
                public void onEvent(org.confroom.ami.event.AmiEvent event) {
                    // events are not the point here
                }

                @Override
                public void onMalformed(MalformedMessage m) {
                    reported.add(m);
                }
            });
            client.connect().get(5, TimeUnit.SECONDS);
            RandomTries.run("client against damaged streams", tries, r -> {
                byte[] damage = damagedWindow(r, names);
                boolean answer = r.nextInt(5) != 0;
                server.script = (session, m) -> {
                    byte[] reply = AmiStreamMutator.concat(damage, RESET);
                    if (answer) {
                        reply = AmiStreamMutator.concat(reply, ("Response: Success\r\nActionID: " + m.text("ActionID")
                                + "\r\nMessage: fuzz answer\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    writeInPieces(session, reply, r);
                    return "";
                };
                long malformedBefore = client.stats().malformed();
                long t0 = System.nanoTime();
                CompletableFuture<AmiResponse> f = client.send(GenericAction.of("FuzzMe"));
                Throwable outcome = f.handle((ok, err) -> err).orTimeout(COMPLETION_BOUND_MILLIS, TimeUnit.MILLISECONDS).join();
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(millis).as("completion time").isLessThan(COMPLETION_BOUND_MILLIS);
                if (outcome == null) {
                    totals[0]++;
                } else {
                    totals[1]++;
                }
                // the damage and the reset, decoded alone, show how many malformed blocks the client must have seen
                AmiDecoder reference = new AmiDecoder(DecoderLimits.DEFAULT, false);
                reference.decodeAll(AmiStreamMutator.concat(damage, RESET));
                long expected = reference.malformedCount();
                totals[2] += expected;
                awaitTrue(() -> client.stats().malformed() - malformedBefore >= expected);
                assertThat(client.stats().malformed() - malformedBefore).isEqualTo(expected);
                assertThat(client.state()).isEqualTo(ConnectionState.READY);
                assertThat(server.accepted.get()).as("connections").isEqualTo(1);
            });
            awaitTrue(() -> reported.size() == totals[2]);
            assertThat(reported).hasSize((int) totals[2]);
        }
        System.out.printf(Locale.ROOT, "FUZZ | ami-core TcpAmiClient, damaged server streams | %d tries | %d answered, %d timed out | %d malformed reported | 1 connection%n",
                tries, totals[0], totals[1], totals[2]);
    }

    private static byte[] damagedWindow(Random r, List<String> names) {
        byte[] all = Transcripts.s2c(names.get(r.nextInt(names.size())));
        int start = all.length <= WINDOW ? 0 : r.nextInt(all.length - WINDOW);
        byte[] window = Arrays.copyOfRange(all, start, Math.min(all.length, start + WINDOW));
        return new AmiStreamMutator(r, DecoderLimits.DEFAULT.maxLineLength()).mutate(window, 4);
    }

    private static void writeInPieces(FakeAmiServer.Session session, byte[] reply, Random r) {
        for (int at = 0; at < reply.length;) {
            int n = Math.min(reply.length - at, RandomTries.between(r, 1, 9000));
            session.write(Arrays.copyOfRange(reply, at, at + n));
            at += n;
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
