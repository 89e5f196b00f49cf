package org.confroom.ami.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Challenge;
import org.confroom.ami.action.Filter;
import org.confroom.ami.action.HeaderWriter;
import org.confroom.ami.action.Login;
import org.confroom.ami.action.Logoff;
import org.confroom.ami.action.Originate;
import org.confroom.ami.action.Ping;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.Banner;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.event.AmiEvents;
import org.confroom.ami.event.OriginateResponseEvent;

/**
 * AMI client over TCP or TLS.
 *
 * <pre>
 *  NEW ─connect()─▶ CONNECTING ─banner─▶ AUTHENTICATING ─Login (+Filter) ok─▶ READY
 *                      ▲   │ no banner / refused / EOF          │ refused        │ EOF, I/O error,
 *                      │   ▼                                    ▼                │ keepalive timeout
 *                   RECONNECTING (backoff + jitter)  ◀── AUTHENTICATION_REFUSED ◀┘ (after max backoff)
 *  any ─close()─▶ CLOSED
 * </pre>
 *
 * <p>A reconnect counts as successful only once the banner has arrived and the login (with the event
 * mask and every configured filter) was accepted: a dying Asterisk still accepts and closes
 * connections (transcript 27). Actions written before a connection dies fail with
 * {@link AmiOutcomeUnknownException} and are never re-sent; actions not yet written fail with
 * {@link AmiNotConnectedException}. Events go to listeners through an {@link EventDispatcher}; the
 * reader thread only decodes, routes responses and queues events.
 */
public final class TcpAmiClient implements AmiClient {
    private static final System.Logger LOG = System.getLogger(TcpAmiClient.class.getName());
    private static final long SWEEP_MILLIS = 10;

    private final AmiClientConfig config;
    private final EventDispatcher dispatcher;
    private final InFlightActions inFlight = new InFlightActions();
    private final ScheduledExecutorService timer;
    private final Backoff backoff;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    private final AtomicLong nextActionId = new AtomicLong();
    private final Object lock = new Object();
    private final ConnectionHandler handler = new ConnectionHandler();

    private final ClientCounters counters = new ClientCounters();

    private volatile ConnectionState state = ConnectionState.NEW;
    private volatile TcpConnection connection;
    private int connectionNumber;
    private boolean everReady;

    /** @param config connection settings */
    public TcpAmiClient(AmiClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        this.dispatcher = new EventDispatcher("ami-" + config.name() + "-events", config.eventQueueCapacity(),
                config.overflowPolicy());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-" + config.name() + "-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::expireActions, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        if (!config.keepaliveInterval().isZero()) {
            long every = config.keepaliveInterval().toMillis();
            timer.scheduleWithFixedDelay(this::keepalive, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** @return the configuration */
    public AmiClientConfig config() {
        return config;
    }

    @Override
    public CompletableFuture<Void> connect() {
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return CompletableFuture.failedFuture(new AmiNotConnectedException("client " + config.name() + " is closed"));
            }
            if (state == ConnectionState.NEW) {
                open();
            }
        }
        return firstReady.copy();
    }

    /** Starts a connection attempt; caller holds the lock. */
    private void open() {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        TcpConnection c = new TcpConnection(config, ++connectionNumber, handler);
        connection = c;
        setState(ConnectionState.CONNECTING, null, null);
        c.start();
    }

    private void setState(ConnectionState s, Throwable cause, Duration retryIn) {
        state = s;
        ConnectionEvent event = new ConnectionEvent(s, cause, retryIn, Math.max(1, backoff.attempts()));
        LOG.log(cause == null ? Level.DEBUG : Level.INFO, () -> "AMI " + config.name() + ": " + event);
        dispatcher.offerConnectionEvent(event);
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return send(action, config.actionTimeout());
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        Objects.requireNonNull(action, "action");
        TcpConnection c = readyConnection(action);
        if (c == null) {
            return CompletableFuture.failedFuture(notReady(action));
        }
        return sendOn(c, action, timeout, false).response;
    }

    @Override
    public CompletableFuture<OriginateResponseEvent> originate(Originate originate, Duration timeout) {
        Objects.requireNonNull(originate, "originate");
        TcpConnection c = readyConnection(originate);
        if (c == null) {
            return CompletableFuture.failedFuture(notReady(originate));
        }
        return sendOn(c, originate.isAsync() ? originate : originate.withAsync(true), timeout, true).originateResponse;
    }

    private TcpConnection readyConnection(AmiAction action) {
        TcpConnection c = connection;
        return state == ConnectionState.READY && c != null && !c.isClosed() ? c : null;
    }

    private AmiNotConnectedException notReady(AmiAction action) {
        return new AmiNotConnectedException(action.name() + " not sent: AMI client " + config.name() + " is " + state);
    }

    /**
     * Encodes and queues an action on a connection. Encoding errors complete the returned pending
     * action exceptionally before anything is queued.
     */
    private PendingAction sendOn(TcpConnection c, AmiAction action, Duration timeout, boolean awaitOriginate) {
        String id = Long.toString(nextActionId.incrementAndGet());
        PendingAction p = new PendingAction(id, action.name(), Math.max(1, timeout.toMillis()), awaitOriginate);
        byte[] bytes;
        try {
            bytes = encode(action, id);
        } catch (RuntimeException e) {
            // AmiEncodingException for refused input, or a bug in an action: nothing was queued
            p.fail(e);
            return p;
        }
        inFlight.add(p);
        counters.actionSent();
        c.enqueue(bytes, p);
        if (c.isClosed()) {
            // lost the race with a dying connection: never leave the action waiting for its timeout
            inFlight.fail(p, p.abandon() ? new AmiNotConnectedException(action.name() + " not sent: connection " + c.label() + " closed")
                    : new AmiOutcomeUnknownException(p.actionName, id, null));
        }
        p.response.whenComplete((r, err) -> counters.completion(err));
        return p;
    }

    /**
     * Encodes {@code Action}, {@code ActionID} and the action's headers, validating each one.
     *
     * @throws AmiEncodingException when a header is refused
     */
    static byte[] encode(AmiAction action, String actionId) {
        AmiEncoder e = new AmiEncoder().header("Action", action.name()).header("ActionID", actionId);
        action.writeHeaders(new HeaderWriter() {
            @Override
            public HeaderWriter add(String key, String value) {
                e.header(key, value);
                return this;
            }
        });
        return e.toBytes();
    }

    private void expireActions() {
        if (inFlight.size() > 0) {
            inFlight.expire(System.nanoTime());
        }
    }

    private void keepalive() {
        TcpConnection c = connection;
        if (state != ConnectionState.READY || c == null) {
            return;
        }
        sendOn(c, new Ping(), config.pongTimeout(), false).response.whenComplete((r, err) -> {
            if (err instanceof AmiTimeoutException) {
                c.terminate(new AmiConnectionException("no answer to keepalive Ping within "
                        + config.pongTimeout().toMillis() + " ms; connection " + c.label() + " declared dead"));
            }
        });
    }

    private void login(TcpConnection c) {
        Duration t = config.loginTimeout();
        CompletableFuture<AmiResponse> f;
        if (config.md5()) {
            f = sendOn(c, Challenge.md5(), t, false).response.thenCompose(r -> {
                String key = Challenge.md5Key(r.message().text("Challenge"), config.secret());
                return sendOn(c, Login.md5(config.username(), key, config.eventMask()), t, false).response;
            });
        } else {
            f = sendOn(c, Login.plain(config.username(), config.secret(), config.eventMask()), t, false).response;
        }
        f = f.exceptionallyCompose(err -> CompletableFuture.failedFuture(loginFailure(unwrap(err))));
        for (String filter : config.filters()) {
            f = f.thenCompose(r -> sendOn(c, new Filter(filter), t, false).response
                    .exceptionallyCompose(err -> CompletableFuture.failedFuture(filterFailure(filter, unwrap(err)))));
        }
        f.whenComplete((r, err) -> {
            if (err == null) {
                onReady(c);
            } else {
                c.terminate(unwrap(err));
            }
        });
    }

    private Throwable loginFailure(Throwable t) {
        if (t instanceof AmiErrorResponseException e) {
            return new AmiAuthenticationException(config.username(), e.asteriskMessage());
        }
        if (t instanceof AmiTimeoutException) {
            return new AmiConnectionException("AMI login for " + config.username() + " got no answer within "
                    + config.loginTimeout().toMillis() + " ms", t);
        }
        return t;
    }

    private Throwable filterFailure(String filter, Throwable t) {
        return t instanceof AmiErrorResponseException e
                ? new AmiConnectionException("event filter '" + filter + "' refused by Asterisk: " + e.asteriskMessage()
                        + " (needs write=system)", e)
                : t;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private void onReady(TcpConnection c) {
        synchronized (lock) {
            if (c != connection || state == ConnectionState.CLOSED) {
                return;
            }
            backoff.reset();
            everReady = true;
            counters.connected();
            setState(ConnectionState.READY, null, null);
        }
        firstReady.complete(null);
    }

    private void onClosed(TcpConnection c, Throwable cause) {
        synchronized (lock) {
            if (c != connection) {
                return;
            }
            connection = null;
            if (state != ConnectionState.CLOSED) {
                planNextAttempt(cause);
            }
        }
        // outside the lock: completing futures runs callers' continuations
        inFlight.failAll(cause, "connection lost");
        if (state == ConnectionState.CLOSED || state == ConnectionState.AUTHENTICATION_REFUSED && !everReady) {
            firstReady.completeExceptionally(cause);
        }
    }

    /** Decides what follows a lost connection; caller holds the lock. */
    private void planNextAttempt(Throwable cause) {
        if (cause instanceof AmiAuthenticationException && (!everReady || !config.reconnect())) {
            setState(ConnectionState.AUTHENTICATION_REFUSED, cause, null);
        } else if (cause instanceof AmiAuthenticationException) {
            Duration wait = backoff.max();
            setState(ConnectionState.AUTHENTICATION_REFUSED, cause, wait);
            schedule(wait);
        } else if (!config.reconnect()) {
            setState(ConnectionState.CLOSED, cause, null);
        } else {
            Duration wait = backoff.next();
            setState(ConnectionState.RECONNECTING, cause, wait);
            schedule(wait);
        }
    }

    private void schedule(Duration wait) {
        try {
            timer.schedule(() -> {
                synchronized (lock) {
                    if (state == ConnectionState.RECONNECTING || state == ConnectionState.AUTHENTICATION_REFUSED) {
                        open();
                    }
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

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

    @Override
    public void close() {
        TcpConnection c;
        boolean wasReady;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED && timer.isShutdown()) {
                return;
            }
            wasReady = state == ConnectionState.READY;
            c = connection;
            setState(ConnectionState.CLOSED, null, null);
        }
        if (c != null && wasReady) {
            try {
                sendOn(c, new Logoff(), Duration.ofSeconds(1), false).response.get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(Level.DEBUG, () -> "Logoff on close of " + config.name() + " not answered: " + e);
            }
        }
        AmiConnectionException closing = new AmiConnectionException("AMI client " + config.name() + " closed");
        if (c != null) {
            c.terminate(closing);
        }
        inFlight.failAll(closing, "client closed");
        firstReady.completeExceptionally(new AmiNotConnectedException("AMI client " + config.name() + " closed before it was ready"));
        timer.shutdownNow();
        dispatcher.close();
    }

    /** Routes what a connection reads; runs on that connection's reader thread. */
    private final class ConnectionHandler implements TcpConnection.Handler {
        @Override
        public void onBanner(TcpConnection c, Banner banner) {
            synchronized (lock) {
                if (c != connection || state == ConnectionState.CLOSED) {
                    return;
                }
                setState(ConnectionState.AUTHENTICATING, null, null);
            }
            login(c);
        }

        @Override
        public void onMessage(TcpConnection c, AmiMessage m) {
            switch (m.type()) {
                case RESPONSE -> {
                    if (!inFlight.onResponse(m)) {
                        dispatcher.offerUnmatched(m);
                    }
                }
                case EVENT -> {
                    String id = m.getOr("ActionID", null);
                    if (id != null && inFlight.onEventWithActionId(m, id, AmiEvents::of)) {
                        return;
                    }
                    counters.eventReceived();
                    if (dispatcher.dropsNewestNow()) {
                        dispatcher.dropNewest(); // full: don't build a typed event only to drop it
                    } else {
                        dispatcher.queueEvent(AmiEvents.of(m));
                    }
                }
                default -> dispatcher.offerUnmatched(m);
            }
        }

        @Override
        public void onMalformed(TcpConnection c, MalformedMessage m) {
            counters.malformed(1);
            dispatcher.offerMalformed(m);
        }

        @Override
        public boolean wantsEvent(TcpConnection c, String name) {
            // an unsolicited event that the full queue would refuse is counted and dropped before it is built;
            // with the wire log on every event is built, so that it is logged
            if (!WireLog.enabled() && dispatcher.dropsNewestNow()) {
                counters.eventReceived();
                dispatcher.dropNewest();
                return false;
            }
            return true;
        }

        @Override
        public void onInputDecoded(TcpConnection c) {
            dispatcher.wakeConsumer();
        }

        @Override
        public void onClosed(TcpConnection c, Throwable cause) {
            TcpAmiClient.this.onClosed(c, cause);
        }
    }
}
