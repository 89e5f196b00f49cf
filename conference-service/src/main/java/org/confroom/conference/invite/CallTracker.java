package org.confroom.conference.invite;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The attempts of this process that are on the PBX (or may be), by id. AMI events are matched to
 * attempts here, without a database query per event: an event concerns an attempt when its Uniqueid
 * is a tracked attempt id.
 */
@ApplicationScoped
public class CallTracker {
    private static final int UUID_LENGTH = 36;

    private final ConcurrentHashMap<UUID, TrackedCall> calls = new ConcurrentHashMap<>();

    /** @return the entry of an attempt, created when missing */
    public TrackedCall track(UUID id) {
        return calls.computeIfAbsent(id, TrackedCall::new);
    }

    /** @return the entry of an attempt, if tracked */
    public Optional<TrackedCall> get(UUID id) {
        return Optional.ofNullable(calls.get(id));
    }

    /** @return the tracked attempt whose id is this Uniqueid, if any (cheap for the Uniqueids of other calls) */
    public Optional<TrackedCall> byUniqueid(String uniqueid) {
        if (uniqueid == null || uniqueid.length() != UUID_LENGTH) {
            return Optional.empty();
        }
        try {
            return get(UUID.fromString(uniqueid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stops tracking an attempt. */
    public void forget(UUID id) {
        calls.remove(id);
    }

    /** Flags every attempt not waiting for its Originate's answer for reconciliation (events were missed). */
    public void markAllForReconcile() {
        calls.values().stream().filter(c -> !c.originatePending()).forEach(c -> c.needsReconcile(true));
    }

    /** @return the attempts flagged for reconciliation; their flags are cleared */
    public List<TrackedCall> takeReconcileDue() {
        List<TrackedCall> due = calls.values().stream().filter(TrackedCall::needsReconcile).toList();
        due.forEach(c -> c.needsReconcile(false));
        return due;
    }
}
