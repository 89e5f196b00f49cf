package org.confroom.ami.client;

/** Where a client connection stands. */
public enum ConnectionState {
    /** Created, {@code connect()} not called yet. */
    NEW,
    /** Opening the socket and waiting for the banner. */
    CONNECTING,
    /** Banner seen, logging in (and re-sending the event mask and filters). */
    AUTHENTICATING,
    /** Logged in; actions can be sent. */
    READY,
    /** The connection was lost; a reconnect is scheduled. */
    RECONNECTING,
    /** Asterisk refused the login; retried only after the maximum backoff. */
    AUTHENTICATION_REFUSED,
    /** Closed by the application; final. */
    CLOSED
}
