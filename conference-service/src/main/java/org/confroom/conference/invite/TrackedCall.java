package org.confroom.conference.invite;

import java.util.UUID;

/**
 * What this process knows in memory about an attempt that is (or may be) on the PBX: what the AMI
 * events said so far and what is still to be done. Fields are written by the AMI event thread, the
 * attempt worker and request threads, hence volatile.
 */
public final class TrackedCall {
    private final UUID id;
    private volatile String channel;
    private volatile boolean originatePending;
    private volatile boolean cancelRequested;
    private volatile boolean needsReconcile;
    private volatile FailureReason secondLegFailure;
    private volatile boolean finished;

    TrackedCall(UUID id) {
        this.id = id;
    }

    /** @return the attempt id (= Uniqueid of its {@code ;1} channel) */
    public UUID id() {
        return id;
    }

    /** @return the {@code ;1} channel name once a Newchannel or OriginateResponse named it, else null */
    public String channel() {
        return channel;
    }

    void channel(String name) {
        if (name != null && !name.isEmpty()) {
            channel = name;
        }
    }

    /** @return true while the Originate's future has not completed (its OriginateResponse is awaited) */
    public boolean originatePending() {
        return originatePending;
    }

    void originatePending(boolean pending) {
        originatePending = pending;
    }

    /** @return true when an operator cancelled it: any channel of it that shows up is hung up */
    public boolean cancelRequested() {
        return cancelRequested;
    }

    void cancelRequested(boolean requested) {
        cancelRequested = requested;
    }

    /** @return true when its state must be checked against the PBX (outcome unknown, events lost, restart) */
    public boolean needsReconcile() {
        return needsReconcile;
    }

    void needsReconcile(boolean needed) {
        needsReconcile = needed;
    }

    /** @return click-to-call: why the second number did not answer, once a DialEnd said so */
    public FailureReason secondLegFailure() {
        return secondLegFailure;
    }

    void secondLegFailure(FailureReason reason) {
        secondLegFailure = reason;
    }

    /** @return true once the attempt reached a final state; it is forgotten when its Originate has completed too */
    public boolean finished() {
        return finished;
    }

    void finished(boolean value) {
        finished = value;
    }
}
