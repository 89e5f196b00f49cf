package org.confroom.ami.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Challenge;
import org.confroom.ami.action.Filter;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.Login;
import org.confroom.ami.action.Logoff;
import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.Backoff;
import org.confroom.ami.client.ClientCounters;
import org.confroom.ami.client.ClientStats;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionListener;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.client.EventDispatcher;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.codec.MessageType;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.AmiEvents;
import org.confroom.ami.event.OriginateResponseEvent;

/**
 * AMI over Asterisk's HTTP manager ({@code /rawman}, manager.conf {@code webenabled = yes}): every
 * action is one HTTP GET whose query holds the headers, and events come from a poller thread that
 * loops {@code WaitEvent} (transcripts 14 and 28). Asterisk keeps the manager session on its side
 * and names it with the {@code mansession_id} cookie; it expires after {@code httptimeout} seconds
 * without a request, which the poller prevents.
 *
 * <p>States (one session thread does every login and every poll):
 * <pre>
 *   NEW ─connect()─▶ CONNECTING ─login ok─▶ READY ◀───────────────────────── poll ok ─┐
 *                     │  ▲ unreachable           │ poll fails (I/O, HTTP status)           │
 *                     │  └─ RECONNECTING ◀───────┤                                         │
 *                     │     (backoff; without    ▼                                         │
 *                     │      reconnect: CLOSED)  RECONNECTING (backoff, poll again) ───────┘
 *                     │ login refused            │ session expired ("Permission denied" with a
 *                     ▼                          │ new cookie): log in again once, retry the poll
 *            AUTHENTICATION_REFUSED (final)      ▼ login refused later
 *                                        AUTHENTICATION_REFUSED (wait backoffMax, try again)
 *   any ─close()─▶ CLOSED (poller stopped, logoff, listeners released)
 * </pre>
 * Without {@link AmiClientConfig#reconnect()} a failed poll closes the client instead.
 *
 * <p>Outcomes: an action answered {@code Response: Error} fails with {@link AmiErrorResponseException};
 * an action refused because the session had expired fails with {@link AmiNotConnectedException}
 * (Asterisk did not carry it out; it is not re-sent, the poller logs in again). Once a request has
 * been handed to the HTTP stack, a transport failure means {@link AmiOutcomeUnknownException} and a
 * missing answer {@link AmiTimeoutException}: {@link java.net.http.HttpClient} itself repeats a GET
 * once when a kept-alive connection closes before any byte of the answer, so even a refused
 * connection at that point does not prove that Asterisk never saw the action. Actions are refused
 * up front ({@link AmiNotConnectedException}, nothing sent) whenever the client is not READY.
 *
 * <p>Futures complete on the HTTP client's threads; OriginateResponse futures on the poller
 * thread. Events reach listeners through the bounded {@link EventDispatcher}, never on those threads.
 */
public final class HttpAmiClient implements AmiClient {
    private static final System.Logger LOG = System.getLogger(HttpAmiClient.class.getName());
    private static final Duration LOGOFF_TIMEOUT = Duration.ofSeconds(2);

    private final HttpAmiClientConfig config;
    private final AmiClientConfig settings;
    private final RawmanTransport transport;
    private final EventDispatcher dispatcher;
    private final PendingOriginates originates = new PendingOriginates();
    private final ScheduledThreadPoolExecutor timer;
    private final String idPrefix;
    private final AtomicLong nextId = new AtomicLong();
    private final Object lock = new Object();

    private final ClientCounters counters = new ClientCounters();

    private volatile ConnectionState state = ConnectionState.NEW;
    /** The {@code mansession_id} of the logged-in session; empty before the first login. */
    private volatile String sessionId = "";
    private volatile boolean running;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    /** Guarded by {@link #lock}. */
    private Thread poller;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /**
     * Creates a client; nothing is sent before {@link #connect()}.
     *
     * @param config the {@code /rawman} URL and client settings
     */
    public HttpAmiClient(HttpAmiClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = config.client();
        this.transport = new RawmanTransport(config.rawmanUri(), settings.connectTimeout(), settings.decoderLimits());
        this.dispatcher = new EventDispatcher("ami-http-events-" + settings.name(), settings.eventQueueCapacity(),
                settings.overflowPolicy());
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ami-http-timer-" + settings.name());
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
        this.idPrefix = String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /** @return the settings this client was created with */
    public HttpAmiClientConfig config() {
        return config;
    }

    /**
     * Starts the session thread, which logs in ({@code GET /rawman?action=Login...}, no cookie),
     * keeps the session cookie and then polls for events.
     *
     * @return completes when READY the first time; fails with {@link AmiAuthenticationException}
     *     when the login is refused (state AUTHENTICATION_REFUSED, not retried), and, without
     *     reconnect, with {@link AmiConnectionException} when the manager cannot be reached or does
     *     not speak {@code /rawman} (state CLOSED). With reconnect an unreachable manager is retried
     *     with backoff, as by the TCP client.
     */
    @Override
    public CompletableFuture<Void> connect() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new AmiNotConnectedException("AMI client " + settings.name() + " is closed"));
            }
            if (poller == null) {
                running = true;
                poller = new Thread(this::session, "ami-http-poll-" + settings.name());
                poller.setDaemon(true);
                poller.start();
            }
        }
        return firstReady.copy();
    }

    /** The session thread: first login, then the poll loop. */
    private void session() {
        changeState(ConnectionState.CONNECTING, null, null, 1);
        int failures = 0;
        while (running) {
            try {
                if (!adoptSession(login().get())) {
                    return;
                }
                changeState(ConnectionState.READY, null, null, failures + 1);
                firstReady.complete(null);
                pollLoop();
                return;
            } catch (InterruptedException e) {
                continue; // close() interrupts; the loop condition ends the thread
            } catch (ExecutionException e) {
                Throwable why = loginFailure(unwrap(e));
                if (why instanceof AmiConnectionException && settings.reconnect() && running) {
                    failures++;
                    Duration wait = backoff(failures);
                    LOG.log(Level.WARNING, "AMI HTTP login to " + config.rawmanUri() + " failed: " + why.getMessage()
                            + "; retry in " + wait.toMillis() + " ms");
                    changeState(ConnectionState.RECONNECTING, why, wait, failures);
                    pause(wait);
                    continue;
                }
                LOG.log(Level.WARNING, "AMI HTTP login to " + config.rawmanUri() + " failed: " + why.getMessage());
                running = false;
                changeState(why instanceof AmiAuthenticationException ? ConnectionState.AUTHENTICATION_REFUSED
                        : ConnectionState.CLOSED, why, null, failures + 1);
                firstReady.completeExceptionally(why);
                return;
            }
        }
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return send(action, settings.actionTimeout());
    }

    /**
     * Sends one action as one GET. The answer body holds the whole response, event-list items
     * included, so the future completes when the HTTP answer has arrived.
     */
    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
        RawmanRequest request;
        try {
            request = prepare(action);
        } catch (AmiException | AmiEncodingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchange(request, timeout).thenApply(reply -> reply.toResponse(request.actionId()));
    }

    /**
     * Sends the Originate with {@code Async: true} and completes with its {@code OriginateResponse},
     * which arrives through the event poller (matched by ActionID).
     */
    @Override
    public CompletableFuture<OriginateResponseEvent> originate(Originate originate, Duration timeout) {
        Objects.requireNonNull(originate, "originate");
        Objects.requireNonNull(timeout, "timeout");
        RawmanRequest request;
        try {
            request = prepare(originate.withAsync(true));
        } catch (AmiException | AmiEncodingException e) {
            return CompletableFuture.failedFuture(e);
        }
        String id = request.actionId();
        CompletableFuture<OriginateResponseEvent> result = originates.register(id);
        exchange(request, settings.actionTimeout()).whenComplete((reply, err) -> {
            if (err != null) {
                originates.fail(id, unwrap(err));
            }
        });
        try {
            ScheduledFuture<?> expiry = timer.schedule(() -> {
                if (result.completeExceptionally(new AmiTimeoutException("Originate", id, timeout))) {
                    counters.timeout();
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> expiry.cancel(false));
        } catch (RejectedExecutionException e) {
            // close() ran meanwhile and has failed (or is failing) every waiting Originate
            result.completeExceptionally(new AmiOutcomeUnknownException("Originate", id, new IOException("client closed")));
        }
        return result;
    }

    /** Refuses the action when not READY, then validates it: nothing is sent in either case. */
    private RawmanRequest prepare(AmiAction action) {
        ConnectionState s = state;
        if (s != ConnectionState.READY) {
            throw new AmiNotConnectedException(action.name() + " not sent: AMI client " + settings.name() + " is " + s);
        }
        return RawmanRequest.of(action, nextActionId());
    }

    /** Sends an action's request in the current session and classifies the answer. */
    private CompletableFuture<RawmanReply> exchange(RawmanRequest request, Duration timeout) {
        String sid = sessionId;
        counters.actionSent();
        return transport.send(request, sid, timeout).handle((reply, err) -> {
            if (err != null) {
                throw new CompletionException(transportFailure(request, timeout, unwrap(err)));
            }
            countMalformed(reply);
            if (reply.httpStatus() != 200 || reply.response().isEmpty()) {
                counters.outcomeUnknown();
                throw new CompletionException(new AmiOutcomeUnknownException(request.action(), request.actionId(),
                        new IOException(reply.httpStatus() != 200 ? "HTTP status " + reply.httpStatus()
                                : "the HTTP answer held no AMI response")));
            }
            counters.response();
            if (reply.sessionLost(sid)) {
                throw new CompletionException(new AmiNotConnectedException(request.action() + " (ActionID "
                        + request.actionId() + ") was not carried out: the Asterisk HTTP manager session expired"
                        + " (Permission denied, new mansession_id); the client logs in again, retry after that"));
            }
            if (reply.isError()) {
                throw new CompletionException(new AmiErrorResponseException(request.action(), reply.response().get()));
            }
            return reply;
        });
    }

    private Throwable transportFailure(RawmanRequest request, Duration timeout, Throwable t) {
        if (t instanceof HttpTimeoutException) {
            counters.timeout();
            return new AmiTimeoutException(request.action(), request.actionId(), timeout);
        }
        if (t instanceof IOException) {
            counters.outcomeUnknown();
            return new AmiOutcomeUnknownException(request.action(), request.actionId(), t);
        }
        return t;
    }

    // ---- login -------------------------------------------------------------------------------

    /** Logs in on a new session (no cookie sent), then adds the configured filters. @return the session id */
    private CompletableFuture<String> login() {
        try {
            return loginExchange();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // for example a secret with a line break
        }
    }

    private CompletableFuture<String> loginExchange() {
        Duration t = settings.loginTimeout();
        String user = settings.username();
        CompletableFuture<RawmanReply> loginReply;
        if (settings.md5()) {
            loginReply = transport.send(RawmanRequest.of(Challenge.md5(), nextActionId()), "", t).thenCompose(reply -> {
                AmiMessage r = loginResponse(reply, "Challenge");
                String sid = reply.sessionId().orElseThrow(this::noCookie);
                String key = Challenge.md5Key(r.text("Challenge"), settings.secret());
                return transport.send(RawmanRequest.of(Login.md5(user, key, settings.eventMask()), nextActionId()), sid, t)
                        .thenApply(login -> login.sessionId().isPresent() ? login
                                : new RawmanReply(login.httpStatus(), reply.sessionId(), login.response(),
                                        login.following(), login.malformed()));
            });
        } else {
            Login login = Login.plain(user, settings.secret(), settings.eventMask());
            loginReply = transport.send(RawmanRequest.of(login, nextActionId()), "", t);
        }
        return loginReply.thenCompose(reply -> {
            loginResponse(reply, "Login");
            String sid = reply.sessionId().orElseThrow(this::noCookie);
            return addFilters(sid).thenApply(x -> sid);
        });
    }

    /**
     * Makes a freshly logged-in session the current one, unless close() came first: then the
     * session is logged off here, since close() found none to end.
     *
     * @return false when the client is closed
     */
    private boolean adoptSession(String sid) {
        synchronized (lock) {
            if (!closed) {
                sessionId = sid;
                counters.connected();
                return true;
            }
        }
        sendLogoff(sid);
        return false;
    }

    private AmiMessage loginResponse(RawmanReply reply, String action) {
        if (reply.httpStatus() != 200) {
            throw new AmiConnectionException("HTTP status " + reply.httpStatus() + " from " + config.rawmanUri() + " for "
                    + action + "; is webenabled = yes set in manager.conf and the URL right?");
        }
        AmiMessage r = reply.response().orElseThrow(() -> new AmiConnectionException(
                "no AMI response in the answer of " + config.rawmanUri() + " to " + action + "; is this Asterisk's /rawman?"));
        if (reply.isError()) {
            throw new AmiAuthenticationException(settings.username(), r.getOr("Message", "Authentication failed"));
        }
        return r;
    }

    private AmiConnectionException noCookie() {
        return new AmiConnectionException("the login answer of " + config.rawmanUri() + " set no mansession_id cookie");
    }

    private CompletableFuture<Void> addFilters(String sid) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String filter : settings.filters()) {
            RawmanRequest request = RawmanRequest.of(new Filter(filter), nextActionId());
            chain = chain.thenCompose(x -> transport.send(request, sid, settings.actionTimeout())).thenAccept(reply -> {
                AmiMessage r = reply.response().orElseThrow(() -> new AmiConnectionException(
                        "no AMI response to Filter from " + config.rawmanUri()));
                if (reply.isError()) {
                    throw new AmiErrorResponseException("Filter", r);
                }
            });
        }
        return chain;
    }

    private Throwable loginFailure(Throwable t) {
        if (t instanceof AmiException || t instanceof AmiEncodingException) {
            return t;
        }
        if (t instanceof HttpTimeoutException) {
            return new AmiConnectionException("the Asterisk HTTP manager at " + config.rawmanUri() + " did not answer the login within "
                    + settings.loginTimeout().toMillis() + " ms", t);
        }
        if (t instanceof IOException) {
            return new AmiConnectionException("cannot reach the Asterisk HTTP manager at " + config.rawmanUri() + ": "
                    + describe(t), t);
        }
        return t;
    }

    // ---- event poller ------------------------------------------------------------------------

    /** The poller thread: WaitEvent in a loop, events to the dispatcher, session and connection recovery. */
    private void pollLoop() {
        int failures = 0;
        boolean loggedInAgain = false;
        Duration httpTimeout = config.waitEventTimeout().plus(settings.actionTimeout());
        GenericAction waitEvent = GenericAction.of("WaitEvent").with("Timeout", Long.toString(config.waitEventTimeout().toSeconds()));
        while (running) {
            String sid = sessionId;
            RawmanReply reply;
            try {
                reply = transport.sendBlocking(RawmanRequest.of(waitEvent, nextActionId()), sid, httpTimeout);
            } catch (InterruptedException e) {
                continue; // close() interrupts; the loop condition ends the thread
            } catch (IOException e) {
                if (running) {
                    failures = connectionLost(new AmiConnectionException("WaitEvent poll of " + config.rawmanUri()
                            + " failed: " + describe(e), e), failures + 1);
                }
                continue;
            }
            if (!running) {
                break;
            }
            countMalformed(reply);
            if (reply.sessionLost(sid)) {
                AmiNotConnectedException expired = new AmiNotConnectedException(
                        "the Asterisk HTTP manager session expired (Permission denied, new mansession_id)");
                if (loggedInAgain) {
                    // the fresh session died at once: do not loop on logins, back off like any failure
                    loggedInAgain = false;
                    failures = connectionLost(expired, failures + 1);
                } else {
                    loggedInAgain = true;
                    failures = loginAgain(expired, failures);
                }
                continue;
            }
            if (reply.httpStatus() != 200 || reply.response().isEmpty() || reply.isError()) {
                String why = reply.httpStatus() != 200 ? "HTTP status " + reply.httpStatus()
                        : reply.response().map(r -> "Response: Error, " + r.text("Message")).orElse("no AMI response");
                failures = connectionLost(new AmiConnectionException("WaitEvent poll of " + config.rawmanUri() + " failed: " + why),
                        failures + 1);
                continue;
            }
            if (state != ConnectionState.READY) {
                changeState(ConnectionState.READY, null, null, failures + 1);
            }
            failures = 0;
            loggedInAgain = false;
            deliver(reply);
        }
    }

    private void deliver(RawmanReply reply) {
        for (MalformedMessage m : reply.malformed()) {
            dispatcher.offerMalformed(m);
        }
        for (AmiMessage m : reply.following()) {
            if (m.type() != MessageType.EVENT) {
                dispatcher.offerUnmatched(m);
                continue;
            }
            if (m.isEvent("WaitEventComplete")) {
                continue;
            }
            counters.eventReceived();
            AmiEvent event = AmiEvents.of(m);
            dispatcher.offerEvent(event);
            if (event instanceof OriginateResponseEvent response) {
                originates.complete(response);
            }
        }
    }

    /**
     * Logs in again after the session expired. Originates still waiting lose their OriginateResponse
     * with the old session, so they fail as outcome unknown.
     *
     * @return the failure count after the attempt
     */
    private int loginAgain(AmiException cause, int failures) {
        LOG.log(Level.INFO, "AMI HTTP session of " + settings.name() + " expired; logging in again");
        originates.failAll(id -> new AmiOutcomeUnknownException("Originate", id, cause));
        changeState(ConnectionState.RECONNECTING, cause, Duration.ZERO, failures + 1);
        try {
            if (adoptSession(login().get())) {
                changeState(ConnectionState.READY, null, null, failures + 1);
            }
            return 0;
        } catch (InterruptedException e) {
            return failures; // closing
        } catch (ExecutionException e) {
            Throwable why = loginFailure(unwrap(e));
            if (why instanceof AmiAuthenticationException) {
                changeState(ConnectionState.AUTHENTICATION_REFUSED, why, settings.backoffMax(), failures + 1);
                pause(settings.backoffMax());
                return failures + 1;
            }
            return connectionLost(why, failures + 1);
        }
    }

    /**
     * Reports a failed poll and waits before the next one, or closes the client when reconnect is off.
     *
     * @return the failure count
     */
    private int connectionLost(Throwable cause, int failures) {
        if (!settings.reconnect()) {
            LOG.log(Level.WARNING, "AMI HTTP client " + settings.name() + " lost its connection and does not reconnect: "
                    + cause.getMessage());
            running = false;
            originates.failAll(id -> new AmiOutcomeUnknownException("Originate", id, cause));
            changeState(ConnectionState.CLOSED, cause, null, failures);
            return failures;
        }
        Duration wait = backoff(failures);
        LOG.log(Level.WARNING, "AMI HTTP client " + settings.name() + ": " + cause.getMessage() + "; retry in " + wait.toMillis() + " ms");
        changeState(ConnectionState.RECONNECTING, cause, wait, failures);
        pause(wait);
        return failures;
    }

    private Duration backoff(int failures) {
        return Backoff.delay(settings.backoffInitial(), settings.backoffMax(), failures);
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            // close() interrupts; the poll loop checks running
        }
    }

    // ---- the rest of AmiClient ---------------------------------------------------------------

    @Override
    public Subscription addListener(AmiEventListener listener) {
        return dispatcher.addListener(listener);
    }

    @Override
    public Subscription addConnectionListener(ConnectionListener listener) {
        return dispatcher.addConnectionListener(listener);
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public ClientStats stats() {
        return counters.snapshot(dispatcher);
    }

    /**
     * Stops the poller, logs off (best effort, {@code Response: Goodbye}), fails Originates still
     * waiting as outcome unknown, reports CLOSED and stops event delivery. Idempotent.
     */
    @Override
    public void close() {
        Thread p;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            p = poller;
        }
        if (p != null) {
            p.interrupt();
        }
        String sid = sessionId; // read after closed was set: adoptSession() logs off any later session itself
        if (!sid.isEmpty()) {
            sendLogoff(sid);
        }
        if (p != null && p != Thread.currentThread()) {
            try {
                p.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        originates.failAll(id -> new AmiOutcomeUnknownException("Originate", id, new IOException("client closed")));
        firstReady.completeExceptionally(new AmiNotConnectedException("AMI client " + settings.name() + " closed before it was ready"));
        timer.shutdownNow();
        changeState(ConnectionState.CLOSED, null, null, 0);
        dispatcher.close();
    }

    private void sendLogoff(String sid) {
        try {
            transport.send(RawmanRequest.of(new Logoff(), nextActionId()), sid, LOGOFF_TIMEOUT)
                    .get(LOGOFF_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.DEBUG, "AMI HTTP logoff of " + settings.name() + " failed: " + unwrap(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String nextActionId() {
        return idPrefix + "-" + nextId.incrementAndGet();
    }

    private void countMalformed(RawmanReply reply) {
        if (!reply.malformed().isEmpty()) {
            counters.malformed(reply.malformed().size());
            LOG.log(Level.WARNING, "AMI HTTP client " + settings.name() + ": skipped malformed input: "
                    + reply.malformed().get(0).reason());
        }
    }

    /** Records and announces a state change; CLOSED is announced once. */
    private void changeState(ConnectionState next, Throwable cause, Duration retryIn, int attempt) {
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            state = next;
        }
        LOG.log(Level.DEBUG, () -> "AMI HTTP client " + settings.name() + " is " + next);
        dispatcher.offerConnectionEvent(new ConnectionEvent(next, cause, retryIn, attempt));
    }

    /** @return the message of an I/O failure; the JDK leaves it empty for a refused connection */
    private static String describe(Throwable t) {
        if (t.getMessage() != null && !t.getMessage().isBlank()) {
            return t.getMessage();
        }
        return t instanceof ConnectException ? "connection refused" : t.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        return "HttpAmiClient[" + settings.name() + ", " + config.rawmanUri() + ", " + state + "]";
    }
}
