package org.confroom.conference.invite;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.action.ConfbridgeList;
import org.confroom.ami.action.CoreShowChannels;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.event.ConfbridgeListEvent;
import org.confroom.ami.event.CoreShowChannelEvent;
import org.confroom.conference.pbx.PbxConnection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds out what became of attempts whose events may have been missed: outcome unknown (connection
 * lost or no answer after sending), a reconnect, lost events, a restart. It looks the attempt id up as
 * Uniqueid in {@code CoreShowChannels}; an invite's live channel is JOINED when {@code ConfbridgeList}
 * of its room lists it, a click-to-call's when it is in a bridge; otherwise ANSWERED when Up, or left
 * ringing. An attempt without channel is ENDED after a join and FAILED LOST before. It never sends an
 * Originate. Runs on the {@link AttemptWorker} thread; one reconciliation at a time.
 */
@ApplicationScoped
public class AttemptReconciler {
    private static final System.Logger LOG = System.getLogger(AttemptReconciler.class.getName());
    private static final int CHANNEL_STATE_UP = 6;

    @Inject
    CallTracker tracker;

    @Inject
    AttemptQueue queue;

    @Inject
    PbxConnection connection;

    @Inject
    AttemptWorker worker;

    @Inject
    AttemptLifecycle lifecycle;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Reconciles the attempts flagged for it, if connected and no reconciliation runs. */
    public void reconcileDue() {
        if (!connection.ready() || running.get()) {
            return;
        }
        List<TrackedCall> due = tracker.takeReconcileDue();
        if (due.isEmpty()) {
            return;
        }
        List<AttemptQueue.OnPbx> items = queue.stillOnPbx(due.stream().map(TrackedCall::id).toList());
        Set<UUID> still = new HashSet<>();
        items.forEach(i -> still.add(i.id()));
        due.stream().filter(c -> !still.contains(c.id()) && !c.originatePending()).forEach(c -> tracker.forget(c.id()));
        if (items.isEmpty()) {
            return;
        }
        running.set(true);
        AmiClient client = connection.client();
        client.send(new CoreShowChannels())
                .thenCompose(channels -> sightings(client, items, channels))
                .whenComplete((found, error) -> worker.execute("reconcile " + items.size() + " attempts", () -> {
                    running.set(false);
                    if (error != null) {
                        LOG.log(Level.INFO, "reconciliation of " + items.size() + " attempts postponed: " + unwrap(error).getMessage());
                        due.stream().filter(c -> still.contains(c.id())).forEach(c -> c.needsReconcile(true));
                        return;
                    }
                    LOG.log(Level.INFO, "reconciled " + items.size() + " call attempts against the PBX");
                    items.forEach(i -> lifecycle.reconciled(i, Optional.ofNullable(found.get(i.id()))));
                }));
    }

    private static CompletableFuture<Map<UUID, PbxSighting>> sightings(AmiClient client, List<AttemptQueue.OnPbx> items,
            AmiResponse channels) {
        Map<String, CoreShowChannelEvent> byUniqueid = new HashMap<>();
        channels.items(CoreShowChannelEvent.class).forEach(c -> byUniqueid.put(c.uniqueid(), c));
        Set<String> rooms = new HashSet<>();
        items.stream().filter(i -> i.roomNumber() != null && byUniqueid.containsKey(i.id().toString()))
                .forEach(i -> rooms.add(i.roomNumber()));
        return members(client, rooms).thenApply(listed -> {
            Map<UUID, PbxSighting> out = new HashMap<>();
            for (AttemptQueue.OnPbx i : items) {
                CoreShowChannelEvent c = byUniqueid.get(i.id().toString());
                if (c != null) {
                    boolean joined = i.kind() == AttemptKind.INVITE ? listed.contains(c.channel()) : !c.bridgeId().isEmpty();
                    boolean up = c.channelState() == CHANNEL_STATE_UP || "Up".equalsIgnoreCase(c.channelStateDesc());
                    out.put(i.id(), new PbxSighting(c.channel(), up, joined));
                }
            }
            return out;
        });
    }

    /** @return the channel names ConfbridgeList lists in these conferences ("No active conferences." is none) */
    private static CompletableFuture<Set<String>> members(AmiClient client, Set<String> rooms) {
        Set<String> listed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] lists = rooms.stream().map(room -> client.send(new ConfbridgeList(room))
                .thenAccept(r -> r.items(ConfbridgeListEvent.class).forEach(m -> listed.add(m.channel())))
                .exceptionally(err -> {
                    if (unwrap(err) instanceof AmiErrorResponseException) {
                        return null; // no such conference: nobody listed
                    }
                    throw err instanceof CompletionException ce ? ce : new CompletionException(err);
                })).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(lists).thenApply(v -> listed);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
