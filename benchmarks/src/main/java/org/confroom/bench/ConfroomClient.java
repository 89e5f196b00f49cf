package org.confroom.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.Ping;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.ClientStats;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.event.AmiEvent;

/** ami-core's {@link TcpAmiClient} with its default configuration (queue 65,536, DROP_NEWEST). */
final class ConfroomClient implements BenchClient {
    private static final Ping PING = new Ping();
    private TcpAmiClient client;

    static AmiClientConfig config(int port) {
        return AmiClientConfig.builder("127.0.0.1", port).credentials("admin", "admin-secret")
                .reconnect(false).name("bench").build();
    }

    @Override
    public void connect(int port, EventCounter events) throws Exception {
        client = new TcpAmiClient(config(port));
        client.addListener(new AmiEventListener() {
            @Override
            public void onEvent(AmiEvent event) {
                events.onEvent(event.name());
            }

            @Override
            public void onEventsLost(long lost, long totalLost) {
                events.onLost(lost);
            }
        });
        client.connect().get(10, TimeUnit.SECONDS);
    }

    /** @return the client's configured event queue bound */
    int queueCapacity() {
        return client.config().eventQueueCapacity();
    }

    @Override
    public void ping(long timeoutMillis) throws Exception {
        client.send(PING, Duration.ofMillis(timeoutMillis)).get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void pingPipelined(int n, long timeoutMillis) throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        Duration timeout = Duration.ofMillis(timeoutMillis);
        for (int i = 0; i < n; i++) {
            all[i] = client.send(PING, timeout);
        }
        CompletableFuture.allOf(all).get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void done(String run, long idleMicros) throws Exception {
        client.send(GenericAction.of("BenchDone").with("Run", run).with("IdleUs", Long.toString(idleMicros)),
                Duration.ofSeconds(30)).get(31, TimeUnit.SECONDS);
    }

    @Override
    public Map<String, Object> stats() {
        ClientStats s = client.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", s.eventsReceived());
        m.put("delivered", s.eventsDelivered());
        m.put("lost", s.eventsLost());
        m.put("queueDepth", s.eventQueueDepth());
        m.put("queueCapacity", client.config().eventQueueCapacity());
        m.put("policy", client.config().overflowPolicy());
        return m;
    }

    ClientStats clientStats() {
        return client.stats();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
