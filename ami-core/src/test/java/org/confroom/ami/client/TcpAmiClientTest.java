package org.confroom.ami.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.confroom.ami.client.FakeAmiServer.msg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.Originate;
import org.confroom.ami.action.Ping;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection behaviour of {@link TcpAmiClient} against a scripted peer over real sockets. */
class TcpAmiClientTest {
    private FakeAmiServer server;
    private final List<AmiClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeAmiServer();
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(AmiClient::close);
        server.close();
    }

    private TcpAmiClient client(AmiClientConfig config) {
        TcpAmiClient c = new TcpAmiClient(config);
        clients.add(c);
        return c;
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("future did not fail in time: " + e);
        }
        throw new AssertionError("future succeeded, expected a failure");
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void plainLoginSendsEventMaskAndPingAnswers() throws Exception {
        TcpAmiClient c = client(server.config().eventMask("call,system").build());
        get(c.connect());
        assertThat(c.state()).isEqualTo(ConnectionState.READY);
        AmiMessage login = server.received("Login").get(0);
        assertThat(login.text("Secret")).isEqualTo("admin-secret");
        assertThat(login.text("Events")).isEqualTo("call,system");
        AmiResponse pong = get(c.send(new Ping()));
        assertThat(pong.message().text("Ping")).isEqualTo("Pong");
        assertThat(pong.isSuccess()).isTrue();
    }

    @Test
    void md5LoginNeverSendsTheSecret() throws Exception {
        TcpAmiClient c = client(server.config().md5(true).build());
        get(c.connect());
        assertThat(server.received("Challenge")).hasSize(1);
        AmiMessage login = server.received("Login").get(0);
        assertThat(login.text("AuthType")).isEqualTo("MD5");
        assertThat(login.has("Secret")).isFalse();
        assertThat(login.text("Key")).hasSize(32);
    }

    @Test
    void refusedLoginFailsConnectAndIsNotRetried() throws Exception {
        List<ConnectionEvent> states = new CopyOnWriteArrayList<>();
        TcpAmiClient c = client(server.config().credentials("admin", "wrong").build());
        c.addConnectionListener(states::add);
        Throwable t = failure(c.connect());
        assertThat(t).isInstanceOf(AmiAuthenticationException.class)
                .hasMessage("AMI login refused for user admin: Authentication failed");
        assertThat(c.state()).isEqualTo(ConnectionState.AUTHENTICATION_REFUSED);
        Thread.sleep(300);
        assertThat(server.accepted.get()).isEqualTo(1);
        await("refused state reported", () -> states.stream().anyMatch(e -> e.state() == ConnectionState.AUTHENTICATION_REFUSED));
    }

    @Test
    void connectionRefusedWithoutReconnectFailsConnect() throws Exception {
        int port = server.port();
        server.close();
        TcpAmiClient c = client(AmiClientConfig.builder("127.0.0.1", port).credentials("a", "b").reconnect(false).build());
        assertThat(failure(c.connect())).isInstanceOf(AmiConnectionException.class).hasMessageContaining("127.0.0.1:" + port);
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void errorResponseCarriesAsterisksMessage() throws Exception {
        server.script = (s, m) -> msg("Response", "Error", "ActionID", m.text("ActionID"), "Message", "No active conferences.");
        TcpAmiClient c = client(server.config().build());
        get(c.connect());
        Throwable t = failure(c.send(GenericAction.of("ConfbridgeListRooms")));
        assertThat(t).isInstanceOf(AmiErrorResponseException.class);
        assertThat(((AmiErrorResponseException) t).asteriskMessage()).isEqualTo("No active conferences.");
    }

    @Test
    void eventListCompletesWithItemsWhileOtherEventsReachListeners() throws Exception {
        server.script = (s, m) -> {
            String id = m.text("ActionID");
            return msg("Response", "Success", "ActionID", id, "EventList", "start", "Message", "Confbridge user list will follow")
                    + msg("Event", "ConfbridgeList", "ActionID", id, "Conference", "700", "Channel", "Local/1001@phones-00000002;1")
                    + msg("Event", "ConfbridgeJoin", "Privilege", "call,all", "Conference", "700", "Channel", "Local/1002@phones-00000004;1")
                    + msg("Event", "ConfbridgeList", "ActionID", id, "Conference", "700", "Channel", "Local/1003@phones-00000006;1")
                    + msg("Event", "ConfbridgeListComplete", "ActionID", id, "EventList", "Complete", "ListItems", "2");
        };
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        TcpAmiClient c = client(server.config().build());
        c.addListener(events::add);
        get(c.connect());
        AmiResponse r = get(c.send(GenericAction.of("ConfbridgeList").with("Conference", "700")));
        assertThat(r.isEventList()).isTrue();
        assertThat(r.items()).extracting(e -> e.text("Channel"))
                .containsExactly("Local/1001@phones-00000002;1", "Local/1003@phones-00000006;1");
        assertThat(r.completion().orElseThrow().text("ListItems")).isEqualTo("2");
        await("join delivered", () -> events.stream().anyMatch(e -> e instanceof ConfbridgeJoinEvent));
        assertThat(events).noneMatch(e -> e.name().startsWith("ConfbridgeList"));
        assertThat(events).anyMatch(e -> e.name().equals("FullyBooted"));
    }

    @Test
    void pipelinedActionsAllCompleteWithDistinctIds() throws Exception {
        TcpAmiClient c = client(server.config().build());
        get(c.connect());
        List<CompletableFuture<AmiResponse>> fs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            fs.add(c.send(new Ping()));
        }
        CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        assertThat(server.received("Ping").stream().map(m -> m.text("ActionID")).distinct().count()).isEqualTo(2000);
        for (CompletableFuture<AmiResponse> f : fs) {
            assertThat(f.join().message().text("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void silentActionTimesOutAndTheLateResponseIsReportedUnmatched() throws Exception {
        List<AmiMessage> unmatched = new CopyOnWriteArrayList<>();
        List<FakeAmiServer.Session> held = new CopyOnWriteArrayList<>();
        List<String> ids = new CopyOnWriteArrayList<>();
        server.script = (s, m) -> {
            held.add(s);
            ids.add(m.text("ActionID"));
            return "";
        };
        TcpAmiClient c = client(server.config().build());
        c.addListener(new AmiEventListener() {
            @Override
            public void onEvent(AmiEvent event) {
            }

            @Override
            public void onUnmatched(AmiMessage message) {
                unmatched.add(message);
            }
        });
        get(c.connect());
        long t0 = System.nanoTime();
        Throwable t = failure(c.send(GenericAction.of("CoreStatus"), Duration.ofMillis(150)));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(t).isInstanceOf(AmiTimeoutException.class).hasMessageContaining("CoreStatus").hasMessageContaining("150 ms");
        assertThat(ms).isBetween(140L, 2000L);
        held.get(0).write(msg("Response", "Success", "ActionID", ids.get(0), "CoreCurrentCalls", "0"));
        await("late response reported", () -> unmatched.size() == 1);
        assertThat(c.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void actionInFlightWhenTheConnectionDiesIsOutcomeUnknownAndNeverResent() throws Exception {
        server.script = (s, m) -> {
            s.close();
            return "";
        };
        List<ConnectionEvent> states = new CopyOnWriteArrayList<>();
        TcpAmiClient c = client(server.config().build());
        c.addConnectionListener(states::add);
        get(c.connect());
        Originate o = Originate.builder("Local/1001@phones").dialplan("confbridge", "700", 1).channelId("attempt-1").build();
        Throwable t = failure(c.send(o));
        assertThat(t).isInstanceOf(AmiOutcomeUnknownException.class).hasMessageContaining("Originate").hasMessageContaining("not re-sent");
        await("reconnected", () -> c.state() == ConnectionState.READY && c.stats().connects() == 2);
        Thread.sleep(100);
        assertThat(server.received("Originate")).hasSize(1);
        assertThat(server.received("Login")).hasSize(2);
        assertThat(states).anyMatch(e -> e.state() == ConnectionState.RECONNECTING && e.cause() != null && e.retryIn() != null);
        assertThat(c.stats().outcomeUnknown()).isEqualTo(1);
    }

    @Test
    void sendWhileNotConnectedFailsFastAndSafely() throws Exception {
        TcpAmiClient c = client(server.config().build());
        Throwable t = failure(c.send(new Ping()));
        assertThat(t).isInstanceOf(AmiNotConnectedException.class).hasMessageContaining("NEW");
    }

    @Test
    void keepaliveWithoutPongDeclaresTheConnectionDeadAndReconnectsWithMaskAndFilter() throws Exception {
        server.script = (s, m) -> msg("Response", "Success", "ActionID", m.text("ActionID"), "Message", "Success");
        TcpAmiClient c = client(server.config().keepaliveInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofMillis(100))
                .eventMask("call,system").filter("Event: Confbridge*").build());
        List<ConnectionEvent> states = new CopyOnWriteArrayList<>();
        c.addConnectionListener(states::add);
        get(c.connect());
        server.answerPings = false;
        await("declared dead", () -> states.stream().anyMatch(e -> e.state() == ConnectionState.RECONNECTING
                && e.cause().getMessage().contains("keepalive")));
        server.answerPings = true;
        await("reconnected", () -> c.stats().connects() >= 2 && c.state() == ConnectionState.READY);
        assertThat(server.received("Filter")).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(m -> m.text("Filter").equals("Event: Confbridge*") && m.text("Operation").equals("Add"));
        assertThat(server.received("Login")).allMatch(m -> m.text("Events").equals("call,system"));
    }

    @Test
    void reconnectCountsOnlyOnceTheBannerArrives() throws Exception {
        TcpAmiClient c = client(server.config().build());
        List<ConnectionEvent> states = new CopyOnWriteArrayList<>();
        c.addConnectionListener(states::add);
        get(c.connect());
        // like transcript 27: the dying server accepts and closes, then the new one answers
        server.closeWithoutBannerUntil = server.accepted.get() + 3;
        server.lastSession().close();
        await("reconnected", () -> c.stats().connects() == 2 && c.state() == ConnectionState.READY);
        assertThat(server.accepted.get()).isGreaterThanOrEqualTo(5);
        assertThat(states).filteredOn(e -> e.state() == ConnectionState.RECONNECTING).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(e -> e.cause().getMessage().contains("before the AMI banner"));
        // backoff grows while attempts fail: attempt numbers rise until READY resets them
        assertThat(states).filteredOn(e -> e.state() == ConnectionState.RECONNECTING).extracting(ConnectionEvent::attempt)
                .isSorted();
    }

    @Test
    void originateWaitsForItsOriginateResponse() throws Exception {
        server.script = (s, m) -> {
            String id = m.text("ActionID");
            return msg("Response", "Success", "ActionID", id, "Message", "Originate successfully queued")
                    + msg("Event", "Newchannel", "Privilege", "call,all", "Channel", "Local/8001@phones-00000001;1")
                    + msg("Event", "OriginateResponse", "Privilege", "call,all", "ActionID", id, "Response", "Failure",
                            "Channel", "Local/8001@phones", "Context", "confbridge", "Exten", "700", "Reason", "5",
                            "Uniqueid", m.text("ChannelId"), "CallerIDNum", "<unknown>", "CallerIDName", "<unknown>");
        };
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        TcpAmiClient c = client(server.config().build());
        c.addListener(events::add);
        get(c.connect());
        OriginateResponseEvent r = get(c.originate(Originate.builder("Local/8001@phones").dialplan("confbridge", "700", 1)
                .channelId("att-7").build(), Duration.ofSeconds(5)));
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.reason()).isEqualTo(OriginateResponseEvent.REASON_BUSY);
        assertThat(r.uniqueid()).isEqualTo("att-7");
        assertThat(server.received("Originate").get(0).text("Async")).isEqualTo("true");
        await("events delivered too", () -> events.stream().anyMatch(e -> e instanceof OriginateResponseEvent));
    }

    @Test
    void injectionIsRefusedBeforeAnythingIsWritten() throws Exception {
        TcpAmiClient c = client(server.config().build());
        get(c.connect());
        int before = server.received.size();
        Originate evil = Originate.builder("Local/1001@phones").dialplan("confbridge", "700", 1)
                .callerId("Eve <1001>\r\n\r\nAction: Command\r\nCommand: core stop now").build();
        Throwable t = failure(c.send(evil));
        assertThat(t).isInstanceOf(AmiEncodingException.class).hasMessageContaining("CallerID");
        get(c.send(new Ping()));
        assertThat(server.received.subList(before, server.received.size())).extracting(AmiMessage::name).containsExactly("Ping");
    }

    @Test
    void slowListenerNeverDelaysResponsesAndLossesAreCountedAndSignalled() throws Exception {
        int flood = 500;
        server.script = (s, m) -> {
            StringBuilder sb = new StringBuilder(msg("Response", "Success", "ActionID", m.text("ActionID"), "Message", "flooding"));
            for (int i = 0; i < flood; i++) {
                sb.append(msg("Event", "VarSet", "Privilege", "dialplan,all", "Variable", "BRIDGEPEER", "Value", "n" + i));
            }
            return sb.toString();
        };
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong delivered = new AtomicLong();
        AtomicLong lostSignalled = new AtomicLong();
        TcpAmiClient c = client(server.config().eventQueue(16, OverflowPolicy.DROP_NEWEST).build());
        c.addListener(new AmiEventListener() {
            @Override
            public void onEvent(AmiEvent event) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (event.name().equals("VarSet")) {
                    delivered.incrementAndGet();
                }
            }

            @Override
            public void onEventsLost(long lost, long total) {
                lostSignalled.addAndGet(lost);
            }
        });
        get(c.connect());
        get(c.send(GenericAction.of("UserEvent").with("UserEvent", "flood")));
        long t0 = System.nanoTime();
        get(c.send(new Ping()));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
        await("all events read", () -> c.stats().eventsReceived() == flood + 1);
        release.countDown();
        await("queue drained", () -> c.stats().eventQueueDepth() == 0 && delivered.get() + c.stats().eventsLost() >= flood);
        await("loss signalled", () -> lostSignalled.get() == c.stats().eventsLost());
        assertThat(c.stats().eventsLost()).isGreaterThan(0);
        // FullyBooted + VarSets: everything was either delivered or counted as lost
        assertThat(c.stats().eventsDelivered() + c.stats().eventsLost()).isEqualTo(flood + 1);
    }

    @Test
    void closeLogsOffAndFailsLaterSends() throws Exception {
        TcpAmiClient c = client(server.config().build());
        get(c.connect());
        c.close();
        assertThat(server.received("Logoff")).hasSize(1);
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(failure(c.send(new Ping()))).isInstanceOf(AmiNotConnectedException.class);
        c.close();
    }

    @Test
    void closeReleasesEveryThread() throws Exception {
        TcpAmiClient c = client(server.config().name("release-check").build());
        get(c.connect());
        get(c.send(new Ping()));
        assertThat(threadsNamed("ami-release-check")).isNotEmpty();
        c.close();
        await("threads gone", () -> threadsNamed("ami-release-check").isEmpty());
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }
}
