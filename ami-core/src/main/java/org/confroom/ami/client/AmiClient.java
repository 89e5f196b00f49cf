package org.confroom.ami.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Originate;
import org.confroom.ami.event.OriginateResponseEvent;

/**
 * An AMI connection: send actions, get futures; receive events on listeners. Implemented over TCP
 * ({@link TcpAmiClient}) and over HTTP {@code /rawman} ({@code org.confroom.ami.http.HttpAmiClient}).
 * Thread-safe; {@link #close()} releases threads and sockets.
 *
 * <p>Failures arrive as exceptional completion of the returned futures:
 * {@link org.confroom.ami.AmiErrorResponseException} (Asterisk said {@code Error}, outcome known),
 * {@link org.confroom.ami.AmiTimeoutException} and {@link org.confroom.ami.AmiOutcomeUnknownException}
 * (sent, outcome unknown, never re-sent by the library), {@link org.confroom.ami.AmiNotConnectedException}
 * (not sent, safe to retry), {@link org.confroom.ami.codec.AmiEncodingException} (refused input, not sent).
 *
 * <p>Futures complete on the client's I/O thread: attach long work with the {@code *Async} variants.
 */
public interface AmiClient extends AutoCloseable {
    /**
     * Connects and logs in. With reconnect enabled, later losses reconnect on their own.
     *
     * @return completes when the client is READY the first time, or fails with the cause
     *     (an {@link org.confroom.ami.AmiAuthenticationException} when the login is refused)
     */
    CompletableFuture<Void> connect();

    /**
     * Sends an action with the configured default timeout.
     *
     * @return the response; for event-list actions, completed on {@code EventList: Complete} with the items
     */
    CompletableFuture<AmiResponse> send(AmiAction action);

    /**
     * Sends an action with its own timeout.
     *
     * @param timeout how long to wait for the (complete) response
     * @return the response
     */
    CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout);

    /**
     * Sends an asynchronous Originate and waits for its {@code OriginateResponse} event.
     *
     * The event is of class {@code call}: the event mask of the session must include it, or the
     * future ends with a timeout.
     *
     * @param originate the originate; it is sent with {@code Async: true} whatever it says
     * @param timeout how long to wait for the OriginateResponse (should exceed the Originate's own timeout)
     * @return the OriginateResponse event, whether it reports success or failure
     */
    CompletableFuture<OriginateResponseEvent> originate(Originate originate, Duration timeout);

    /**
     * Adds an event listener.
     *
     * @return a handle that removes it
     */
    Subscription addListener(AmiEventListener listener);

    /**
     * Adds a connection state listener.
     *
     * @return a handle that removes it
     */
    Subscription addConnectionListener(ConnectionListener listener);

    /** @return the current connection state */
    ConnectionState state();

    /** @return counters since the client was created */
    ClientStats stats();

    /** Logs off if connected, fails pending actions, stops threads. Idempotent. */
    @Override
    void close();

    /** Removes a listener. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        /** Removes the listener; idempotent. */
        @Override
        void close();
    }
}
