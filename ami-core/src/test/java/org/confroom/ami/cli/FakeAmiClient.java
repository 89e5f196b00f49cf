package org.confroom.ami.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.ClientStats;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionListener;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;

/** A scripted {@link AmiClient} for the command-line tests: no sockets, answers set per test. */
final class FakeAmiClient implements AmiClient {
    final List<AmiAction> sent = new CopyOnWriteArrayList<>();
    final List<Originate> originated = new CopyOnWriteArrayList<>();
    final List<Duration> originateTimeouts = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> connectResult = CompletableFuture.completedFuture(null);
    Function<AmiAction, CompletableFuture<AmiResponse>> answers = a -> CompletableFuture.completedFuture(
            new AmiResponse(AmiMessage.of("Response", "Success", "Message", a.name() + " done"), List.of(), null));
    CompletableFuture<OriginateResponseEvent> originateResult = new CompletableFuture<>();
    /** Replayed to each event listener as soon as it is added, on another thread. */
    List<AmiEvent> events = List.of();
    /** Told to connection listeners after the events were replayed, if set. */
    ConnectionEvent afterEvents;
    volatile ConnectionState state = ConnectionState.NEW;
    volatile boolean closed;
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();

    static AmiResponse response(String... keysAndValues) {
        return new AmiResponse(AmiMessage.of(keysAndValues), List.of(), null);
    }

    static AmiEvent event(String... keysAndValues) {
        return new AmiEvent(AmiMessage.of(keysAndValues));
    }

    @Override
    public CompletableFuture<Void> connect() {
        state = connectResult.isCompletedExceptionally() ? ConnectionState.CLOSED : ConnectionState.READY;
        return connectResult;
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return send(action, Duration.ofSeconds(10));
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        sent.add(action);
        return answers.apply(action);
    }

    @Override
    public CompletableFuture<OriginateResponseEvent> originate(Originate originate, Duration timeout) {
        originated.add(originate);
        originateTimeouts.add(timeout);
        return originateResult;
    }

    @Override
    public Subscription addListener(AmiEventListener listener) {
        List<AmiEvent> replay = new ArrayList<>(events);
        Thread t = new Thread(() -> {
            replay.forEach(listener::onEvent);
            if (afterEvents != null) {
                state = afterEvents.state();
                connectionListeners.forEach(l -> l.onConnectionEvent(afterEvents));
            }
        }, "fake-events");
        t.setDaemon(true);
        t.start();
        return () -> { };
    }

    @Override
    public Subscription addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
        return () -> connectionListeners.remove(listener);
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public ClientStats stats() {
        return new ClientStats(sent.size(), 0, 0, 0, 0, 0, 0, 0, 0, 1);
    }

    @Override
    public void close() {
        closed = true;
        state = ConnectionState.CLOSED;
    }
}
