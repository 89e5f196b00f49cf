package org.confroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness works end to end on a small replay (transcript 20 once): the replay server, the three
 * ingest clients, the Ping scenario and a short flood, all in this JVM. Numbers are not checked here;
 * {@code benchmarks/bench} measures.
 */
class BenchSmokeTest {
    private static Transcript t20;

    @BeforeAll
    static void load() {
        ClientMain.idleMillis = 300;
        t20 = Transcript.find(Path.of(System.getProperty("ami.transcripts", "../docs/ami-transcripts")), "20");
    }

    @Test
    void transcriptKeepsExactlyTheEventBlocks() {
        Transcript t19 = Transcript.find(Path.of(System.getProperty("ami.transcripts", "../docs/ami-transcripts")), "19");
        assertThat(t19.eventCount()).isEqualTo(4191);
        assertThat(t19.eventBytes()).hasSize(2_238_796);
        assertThat(t19.countsByName()).containsEntry("VarSet", 2600).containsEntry("ChannelHungup", 100);
        assertThat(t20.eventCount()).isEqualTo(1380);
        int sum = 0;
        for (int c = 0; c < t20.chunkCount(); c++) {
            assertThat(t20.chunkEnd(c) - t20.chunkStart(c)).isLessThanOrEqualTo(Transcript.CHUNK_BYTES);
            sum += t20.chunkEvents(c);
        }
        assertThat(sum).isEqualTo(1380);
    }

    @Test
    void everyClientConsumesTheReplayAndTheServerMeasuresIt() throws Exception {
        try (ReplayServer server = new ReplayServer(t20, 2)) {
            for (String client : new String[] {"raw", "confroom", "asterisk-java"}) {
                Map<String, Object> r = ClientMain.ingest(client, server.port(), 2760, 0, "smoke-" + client);
                ReplayServer.SessionResult s = server.awaitResult("smoke-" + client, 10_000);
                assertThat(s).as(client).isNotNull();
                assertThat(s.eventsWritten()).isEqualTo(2760);
                assertThat(s.consumeNanos()).isPositive();
                if (!client.equals("asterisk-java")) {
                    assertThat(r.get("delivered")).as(client).isEqualTo(2760L);
                    assertThat(r.get("complete")).isEqualTo(true);
                } else {
                    assertThat((Long) r.get("delivered")).isPositive();
                }
            }
        }
    }

    @Test
    void pingsAreAnsweredPipelinedAndOneByOne() throws Exception {
        try (ReplayServer server = new ReplayServer(t20, 0)) {
            Map<String, Object> r = ClientMain.ping("confroom", server.port(), 200, 1, 0);
            assertThat((Long) r.get("pipelinedNanos")).isPositive();
            assertThat((Long) r.get("sequentialNanos")).isPositive();
        }
    }

    @Test
    void floodAccountsForEveryEvent() throws Exception {
        try (ReplayServer server = new ReplayServer(t20, Long.MAX_VALUE)) {
            server.pace(50_000);
            Map<String, Object> r = ClientMain.floodPass("confroom", server.port(), 300, 5000, "smoke-flood");
            ReplayServer.SessionResult s = server.awaitResult("smoke-flood", 10_000);
            long received = (Long) r.get("received");
            assertThat(received).isEqualTo(s.eventsWritten());
            assertThat(received).isEqualTo((Long) r.get("delivered") + (Long) r.get("lost"));
            assertThat(r.get("announcedLost")).isEqualTo(r.get("lost"));
            assertThat((Integer) r.get("pings")).isPositive();
        }
    }

    @Test
    void namesAreComparedCaseInsensitively() {
        var d = BenchMain.diff(Map.of("Newexten", 2, "ChannelHungup", 1), 3,
                new java.util.TreeMap<>(Map.of("NewExten", 6L, "MeetMeJoin", 3L)));
        assertThat(d.dropped()).isEqualTo("ChannelHungup (3 of 3 missing)");
        assertThat(d.invented()).isEqualTo("MeetMeJoin (3 never sent)");
    }
}
