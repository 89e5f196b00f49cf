package org.confroom.ami.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.confroom.ami.http.RawmanTranscripts.CONFBRIDGELIST_703;
import static org.confroom.ami.http.RawmanTranscripts.ORIGINATE_QUEUED;
import static org.confroom.ami.http.RawmanTranscripts.POLL_1;
import static org.confroom.ami.http.RawmanTranscripts.POLL_2;
import static org.confroom.ami.http.RawmanTranscripts.POLL_3;
import static org.confroom.ami.http.RawmanTranscripts.POLL_5;
import static org.confroom.ami.http.RawmanTranscripts.SESSION_14;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.Originate;
import org.confroom.ami.action.Ping;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpAmiClient} against a fake {@code /rawman} that answers like transcripts 14 and 28. */
class HttpAmiClientTest {
    private static final String COOKIE_14 = "mansession_id=\"" + SESSION_14 + "\"";

    private FakeRawmanServer server;
    private final List<HttpAmiClient> clients = new ArrayList<>();
    private final BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConnectionEvent> states = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeRawmanServer();
    }

    @AfterEach
    void stop() {
        clients.forEach(HttpAmiClient::close);
        server.close();
    }

    private HttpAmiClient client(HttpAmiClientConfig config) {
        HttpAmiClient c = new HttpAmiClient(config);
        c.addListener(events::add);
        c.addConnectionListener(states::add);
        clients.add(c);
        return c;
    }

    private HttpAmiClient connected() throws Exception {
        HttpAmiClient c = client(server.config());
        get(c.connect());
        return c;
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("future did not fail in time: " + e, e);
        }
        throw new AssertionError("future completed normally");
    }

    private ConnectionEvent awaitState(Predicate<ConnectionEvent> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ConnectionEvent> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            ConnectionEvent e = states.poll(100, TimeUnit.MILLISECONDS);
            if (e != null) {
                seen.add(e);
                if (p.test(e)) {
                    return e;
                }
            }
        }
        throw new AssertionError("state not reached; saw " + seen);
    }

    private AmiEvent awaitEvent(String name) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            AmiEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.name().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " event");
    }

    @Test
    void loginKeepsTheSessionCookieAndPingSendsItBack() throws Exception {
        HttpAmiClient c = connected();

        assertThat(c.state()).isEqualTo(ConnectionState.READY);
        FakeRawmanServer.Request login = server.requests("login").get(0);
        assertThat(login.keys()).startsWith("action", "actionid");
        assertThat(login.param("Username")).contains("admin");
        assertThat(login.param("Secret")).contains("admin-secret");
        assertThat(login.param("Events")).contains("on");
        assertThat(login.cookie()).isEmpty();

        AmiResponse pong = get(c.send(new Ping()));
        assertThat(pong.isSuccess()).isTrue();
        assertThat(pong.get("Ping")).contains("Pong");
        assertThat(pong.get("Timestamp")).contains("1795390287.371250");
        FakeRawmanServer.Request ping = server.requests("ping").get(0);
        assertThat(ping.cookie()).isEqualTo(COOKIE_14);
        assertThat(pong.message().actionId()).contains(ping.actionId());
        assertThat(awaitState(e -> e.state() == ConnectionState.READY).failure()).isEmpty();
        // the poller keeps the session alive with the same cookie
        awaitPoll();
        assertThat(server.requests("waitevent")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.cookie()).isEqualTo(COOKIE_14);
                    assertThat(r.param("Timeout")).contains("1");
                });
        assertThat(c.stats().connects()).isEqualTo(1);
    }

    private void awaitPoll() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.requests("waitevent").isEmpty()) {
            assertThat(System.nanoTime()).as("a waitevent poll within 10 s").isLessThan(end);
            Thread.sleep(10);
        }
    }

    @Test
    void refusedLoginFailsConnectAndIsNotRetried() throws Exception {
        HttpAmiClient c = client(server.config(b -> b.credentials("admin", "wrong")));

        Throwable t = failure(c.connect());

        assertThat(t).isInstanceOf(AmiAuthenticationException.class)
                .hasMessage("AMI login refused for user admin: Authentication failed");
        assertThat(awaitState(e -> e.state() == ConnectionState.AUTHENTICATION_REFUSED).cause()).isSameAs(t);
        assertThat(c.state()).isEqualTo(ConnectionState.AUTHENTICATION_REFUSED);
        Thread.sleep(300);
        assertThat(server.requests("login")).hasSize(1);
        assertThat(server.requests("waitevent")).isEmpty();
        assertThat(failure(c.send(new Ping()))).isInstanceOf(AmiNotConnectedException.class);
    }

    private static URI deadUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/rawman");
        }
    }

    @Test
    void unreachableManagerWithoutReconnectFailsConnect() throws Exception {
        URI url = deadUrl();
        HttpAmiClient c = client(HttpAmiClientConfig.of(url, HttpAmiClientConfig.clientConfig(url).credentials("admin", "x")
                .reconnect(false).build()));

        assertThat(failure(c.connect())).isInstanceOf(AmiConnectionException.class)
                .hasMessage("cannot reach the Asterisk HTTP manager at " + url + ": connection refused");
        assertThat(awaitState(e -> e.state() == ConnectionState.CLOSED).cause()).isInstanceOf(AmiConnectionException.class);
    }

    @Test
    void unreachableManagerWithReconnectKeepsTryingUntilClosed() throws Exception {
        URI url = deadUrl();
        HttpAmiClient c = client(HttpAmiClientConfig.of(url, HttpAmiClientConfig.clientConfig(url).credentials("admin", "x")
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build()));
        CompletableFuture<Void> ready = c.connect();

        ConnectionEvent first = awaitState(e -> e.state() == ConnectionState.RECONNECTING);
        ConnectionEvent second = awaitState(e -> e.state() == ConnectionState.RECONNECTING);
        assertThat(first.cause()).isInstanceOf(AmiConnectionException.class);
        assertThat(second.attempt()).isGreaterThan(first.attempt());
        assertThat(ready).isNotDone();

        c.close();
        assertThat(failure(ready)).isInstanceOf(AmiNotConnectedException.class);
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void md5LoginAnswersTheChallengeInTheSameSession() throws Exception {
        HttpAmiClient c = client(server.config(b -> b.md5(true)));
        get(c.connect());

        FakeRawmanServer.Request challenge = server.requests("challenge").get(0);
        assertThat(challenge.param("AuthType")).contains("MD5");
        FakeRawmanServer.Request login = server.requests("login").get(0);
        assertThat(login.cookie()).isEqualTo(COOKIE_14);
        assertThat(login.param("Secret")).isEmpty();
        assertThat(login.param("Key")).contains(org.confroom.ami.action.Challenge.md5Key(FakeRawmanServer.CHALLENGE, "admin-secret"));
        assertThat(get(c.send(new Ping())).isSuccess()).isTrue();
    }

    @Test
    void originateCompletesWithItsOriginateResponseAndEventsReachListeners() throws Exception {
        HttpAmiClient c = connected();
        server.scripts.put("originate", r -> {
            server.polls.addAll(List.of(POLL_1, POLL_2, POLL_3, POLL_5));
            return ORIGINATE_QUEUED;
        });
        Originate o = Originate.builder("Local/1201@phones").dialplan("confbridge", "707", 1)
                .callerId("Rosa <1201>").channelId("http-1201").build();

        OriginateResponseEvent response = get(c.originate(o, Duration.ofSeconds(5)));

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.reason()).isEqualTo(OriginateResponseEvent.REASON_ANSWERED);
        assertThat(response.channel()).isEqualTo("Local/1201@phones-0000001f;1");
        assertThat(response.uniqueid()).isEqualTo("http-1201");
        FakeRawmanServer.Request sent = server.requests("originate").get(0);
        assertThat(sent.param("Async")).contains("true");
        assertThat(sent.param("CallerID")).contains("Rosa <1201>");
        assertThat(sent.param("ChannelId")).contains("http-1201");
        assertThat(response.actionId()).contains(sent.actionId());

        AmiEvent join = awaitEvent("ConfbridgeJoin");
        assertThat(join).isInstanceOfSatisfying(ConfbridgeJoinEvent.class, j -> {
            assertThat(j.conference()).isEqualTo("707");
            assertThat(j.uniqueid()).isEqualTo("http-1201");
        });
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("ConfbridgeJoin is the last event of poll #5").isNull();
        assertThat(c.stats().eventsReceived()).isEqualTo(27); // 9 + 14 + 1 + 3 events, WaitEventComplete not counted
        assertThat(c.stats().eventsDelivered()).isEqualTo(27);
    }

    @Test
    void listenersSeeEveryEventInOrderButNotWaitEventComplete() throws Exception {
        HttpAmiClient c = connected();
        server.polls.addAll(List.of(POLL_1, POLL_3));
        List<String> names = new ArrayList<>();
        while (names.size() < 10) {
            AmiEvent e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event " + names.size()).isNotNull();
            names.add(e.name());
        }
        assertThat(names).containsExactly("SuccessfulAuth", "Newchannel", "Newchannel", "Newexten", "NewCallerid",
                "NewConnectedLine", "NewCallerid", "NewConnectedLine", "LocalBridge", "ConfbridgeStart");
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(c.state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void eventListItemsComeWithTheResponse() throws Exception {
        HttpAmiClient c = connected();
        server.scripts.put("confbridgelist", r -> CONFBRIDGELIST_703);

        AmiResponse list = get(c.send(GenericAction.of("ConfbridgeList").with("Conference", "703")));

        assertThat(server.requests("confbridgelist").get(0).param("Conference")).contains("703");
        assertThat(list.text()).isEqualTo("Confbridge user list will follow");
        assertThat(list.isEventList()).isTrue();
        assertThat(list.items()).hasSize(1);
        assertThat(list.items().get(0).name()).isEqualTo("ConfbridgeList");
        assertThat(list.items().get(0).text("Channel")).isEqualTo("Local/1005@phones-00000015;1");
        assertThat(list.items().get(0).actionId()).isEqualTo(list.message().actionId());
        assertThat(list.completion()).hasValueSatisfying(done -> {
            assertThat(done.name()).isEqualTo("ConfbridgeListComplete");
            assertThat(done.text("ListItems")).isEqualTo("1");
        });
    }

    @Test
    void errorResponseFailsWithAsterisksMessage() throws Exception {
        HttpAmiClient c = connected();
        server.scripts.put("confbridgelist", r -> "Response: Error\r\nMessage: No active conferences.\r\n\r\n");

        Throwable t = failure(c.send(GenericAction.of("ConfbridgeList").with("Conference", "700")));

        assertThat(t).isInstanceOf(AmiErrorResponseException.class);
        assertThat(((AmiErrorResponseException) t).asteriskMessage()).isEqualTo("No active conferences.");
        assertThat(c.state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void missingPrivilegeIsAnErrorResponseNotAnExpiredSession() throws Exception {
        HttpAmiClient c = connected();
        // transcript 12: Permission denied for a missing write class; the cookie stays the same
        server.scripts.put("command", r -> "Response: Error\r\nMessage: Permission denied\r\n\r\n");

        Throwable t = failure(c.send(GenericAction.of("Command").with("Command", "core show uptime")));

        assertThat(t).isInstanceOf(AmiErrorResponseException.class).hasMessageContaining("Permission denied");
        assertThat(server.requests("login")).hasSize(1);
    }

    @Test
    void injectionIsRefusedBeforeAnyRequest() throws Exception {
        HttpAmiClient c = connected();
        int before = server.requests.size() - server.requests("waitevent").size();

        Throwable viaSend = failure(c.send(GenericAction.of("Originate").with("Channel", "Local/1001@phones")
                .with("CallerID", "Eve\r\nAction: Command")));
        Throwable viaOriginate = failure(c.originate(Originate.builder("Local/1001@phones")
                .dialplan("confbridge", "700\nContext: phones", 1).build(), Duration.ofSeconds(1)));

        assertThat(viaSend).isInstanceOf(AmiEncodingException.class).hasMessageContaining("CallerID");
        assertThat(viaOriginate).isInstanceOf(AmiEncodingException.class).hasMessageContaining("Exten");
        assertThat(server.requests.size() - server.requests("waitevent").size()).isEqualTo(before);
        assertThat(c.stats().actionsSent()).isZero();
    }

    @Test
    void unansweredActionTimesOut() throws Exception {
        HttpAmiClient c = connected();
        server.hang.add("coreshowchannels");

        Throwable t = failure(c.send(GenericAction.of("CoreShowChannels"), Duration.ofMillis(300)));

        assertThat(t).isInstanceOf(AmiTimeoutException.class).hasMessageContaining("CoreShowChannels")
                .hasMessageContaining("300 ms");
        assertThat(c.stats().timeouts()).isEqualTo(1);
        assertThat(get(c.send(new Ping())).isSuccess()).isTrue();
    }

    @Test
    void serverGoneAfterTheRequestMeansOutcomeUnknown() throws Exception {
        HttpAmiClient c = connected();
        server.dieOn.add("originate");

        Throwable t = failure(c.originate(Originate.builder("Local/1001@phones").dialplan("confbridge", "700", 1).build(),
                Duration.ofSeconds(5)));

        assertThat(t).isInstanceOf(AmiOutcomeUnknownException.class).hasMessageContaining("Originate")
                .hasMessageContaining("outcome unknown");
        assertThat(server.requests("originate")).hasSize(1);
        ConnectionEvent lost = awaitState(e -> e.state() == ConnectionState.RECONNECTING);
        assertThat(lost.cause()).isInstanceOf(AmiConnectionException.class);
        assertThat(failure(c.send(new Ping()))).isInstanceOf(AmiNotConnectedException.class);
        assertThat(c.stats().outcomeUnknown()).isEqualTo(1);
    }

    @Test
    void expiredSessionLogsInAgainAndRetriesThePoll() throws Exception {
        HttpAmiClient c = client(server.config().withWaitEventTimeout(Duration.ofSeconds(2)));
        get(c.connect());
        awaitState(e -> e.state() == ConnectionState.READY);
        awaitPoll();

        server.expireSession("5eed1e55");
        // an action in the dead session is reported, not retried
        Throwable t = failure(c.send(new Ping()));
        assertThat(t).isInstanceOf(AmiNotConnectedException.class).hasMessageContaining("session expired");
        assertThat(server.requests("ping")).hasSize(1);

        ConnectionEvent lost = awaitState(e -> e.state() == ConnectionState.RECONNECTING);
        assertThat(lost.cause()).hasMessageContaining("session expired");
        awaitState(e -> e.state() == ConnectionState.READY);
        assertThat(server.requests("login")).hasSize(2);
        assertThat(server.requests("login").get(1).cookie()).isEmpty();
        assertThat(get(c.send(new Ping())).isSuccess()).isTrue();
        assertThat(server.requests("ping").get(1).cookie()).isEqualTo("mansession_id=\"5eed1e55\"");
        assertThat(c.stats().connects()).isEqualTo(2);
    }

    @Test
    void closeLogsOffAndReportsClosed() throws Exception {
        HttpAmiClient c = connected();

        c.close();

        assertThat(server.requests("logoff")).hasSize(1);
        assertThat(server.requests("logoff").get(0).cookie()).isEqualTo(COOKIE_14);
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(failure(c.send(new Ping()))).isInstanceOf(AmiNotConnectedException.class);
        c.close(); // idempotent
        assertThat(server.requests("logoff")).hasSize(1);
    }

    @Test
    void withoutReconnectALostServerClosesTheClient() throws Exception {
        HttpAmiClient c = client(server.config(b -> b.reconnect(false)));
        get(c.connect());
        server.close();

        ConnectionEvent closed = awaitState(e -> e.state() == ConnectionState.CLOSED);
        assertThat(closed.cause()).isInstanceOf(AmiConnectionException.class);
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void configRefusesUrlsThatAreNotRawman() {
        AmiClientConfig base = AmiClientConfig.builder("127.0.0.1", 8088).credentials("a", "b").build();
        assertThatThrownBy(() -> HttpAmiClientConfig.of(URI.create("http://127.0.0.1:8088/mxml"), base))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/rawman");
        assertThatThrownBy(() -> HttpAmiClientConfig.of(URI.create("ftp://127.0.0.1/rawman"), base))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpAmiClientConfig.of(URI.create("https://pbx.example/asterisk/rawman"), base).waitEventTimeout())
                .isEqualTo(HttpAmiClientConfig.DEFAULT_WAIT_EVENT_TIMEOUT);
    }
}
