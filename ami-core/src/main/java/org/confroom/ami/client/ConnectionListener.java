package org.confroom.ami.client;

/** Told about every connection state change, on the client's event thread, in order. */
@FunctionalInterface
public interface ConnectionListener {
    /** @param event the new state and its cause */
    void onConnectionEvent(ConnectionEvent event);
}
