package org.confroom.conference.merge;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.confroom.ami.action.Redirect;
import org.confroom.ami.client.AmiResponse;
import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.config.ConfroomConfig;
import org.confroom.conference.live.DaemonThreadFactory;
import org.confroom.conference.live.LiveMember;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.moderation.RoomCommandGuard;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.pbx.PbxFailure;
import org.confroom.conference.pbx.PbxGateway;
import org.confroom.conference.room.Room;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Moves live calls into rooms: both channels of a two-party call with ONE dual {@code Redirect}
 * ({@code Channel} + {@code ExtraChannel}, both to {@code <room-context>,<room number>,1}), or a single
 * channel ("pull"). {@code Dual Redirect successful} does not mean that both legs arrive (transcript 23:
 * a leg that hangs up at once, a locked room), so the outcome is decided from each leg's own
 * {@code ConfbridgeJoin} in that conference or {@code Hangup}, at the latest after
 * {@code confroom.pbx.merge-timeout}: DONE (all joined), PARTIAL (some) or FAILED (none, or Asterisk
 * refused the Redirect). See {@link MergeState}.
 *
 * <p>Not one transaction: the REQUESTED row commits before the Redirect is sent, SENT when it is
 * answered, and the outcome when it is known ({@link MergeRecords}). Every request, refusal and outcome
 * is audited. The room's lock state is not checked first (it is only as fresh as the last poll): a
 * merge into a locked room ends FAILED with both legs hung up, as Asterisk does it; pages should warn
 * when {@link LiveRoom#locked()}.
 */
@ApplicationScoped
public class MergeService {
    private static final System.Logger LOG = System.getLogger(MergeService.class.getName());
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");
    /** Outcomes kept in memory for {@link #outcome(UUID)}: the per-leg results are not stored in the row. */
    private static final int KEPT_OUTCOMES = 500;

    @Inject
    PbxConnection connection;

    @Inject
    PbxGateway pbx;

    @Inject
    LiveCalls calls;

    @Inject
    LiveRooms live;

    @Inject
    MergeRecords records;

    @Inject
    RoomCommandGuard guard;

    @Inject
    ConfroomConfig config;

    private ScheduledExecutorService worker;
    private MergeWatcher watcher;
    private final Map<UUID, MergeOutcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, MergeOutcome> eldest) {
            return size() > KEPT_OUTCOMES;
        }
    });

    @PostConstruct
    void init() {
        worker = Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("confroom-merge"));
        watcher = new MergeWatcher(m -> worker.execute(() -> finish(m)));
    }

    /** Registers the join/hangup watcher before the PBX connection starts. */
    void onStart(@Observes @Priority(50) StartupEvent event) {
        connection.addListener(watcher);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Merges a live two-party call into a room.
     *
     * @param callId the call's id ({@link LiveCall#id()}, its bridge id)
     * @return the request, SENT, with its outcome to come
     * @throws ValidationException for a blank call id
     * @throws NotFoundException for an unknown room or call (audited)
     * @throws ConflictException when a channel of the call is already being moved
     * @throws PbxCommandException when Asterisk refused the Redirect (its message; the row is FAILED) or the
     *     PBX is not connected
     */
    public MergeTicket merge(String callId, long roomId, String actor) {
        String target = callId == null ? "" : callId.strip();
        Room room = guard.activeRoom(roomId, "merge.request", target, actor);
        if (target.isEmpty()) {
            throw guard.refuse(room, "merge.request", null, actor, new ValidationException("callId", "required"));
        }
        LiveCall call = calls.call(target).orElseThrow(() -> guard.refuse(room, "merge.request", target, actor,
                new NotFoundException("no live two-party call " + target + " (it may have ended)")));
        return start(room, List.of(call.a().channel(), call.b().channel()), actor);
    }

    /**
     * Merges two channels into a room, each a party of some live two-party call (not necessarily the same).
     *
     * @return the request, SENT, with its outcome to come
     * @throws ValidationException for blank or equal channels
     * @throws NotFoundException for an unknown room, or a channel that is in no live call (audited)
     * @throws ConflictException when a channel is already being moved
     * @throws PbxCommandException when Asterisk refused the Redirect or the PBX is not connected
     */
    public MergeTicket merge(String channelA, String channelB, long roomId, String actor) {
        String a = channelA == null ? "" : channelA.strip();
        String b = channelB == null ? "" : channelB.strip();
        String target = a + " + " + b;
        Room room = guard.activeRoom(roomId, "merge.request", target, actor);
        requireCallParty(room, "merge.request", "channelA", a, target, actor);
        requireCallParty(room, "merge.request", "channelB", b, target, actor);
        if (a.equals(b)) {
            throw guard.refuse(room, "merge.request", target, actor,
                    new ValidationException("channelB", "must differ from channelA"));
        }
        return start(room, List.of(a, b), actor);
    }

    /**
     * Pulls one party of a live two-party call into a room (single Redirect); DONE on its ConfbridgeJoin.
     * The other party's call then ends (its Dial() has nobody left).
     *
     * @return the request, SENT, with its outcome to come
     * @throws ValidationException for a blank channel
     * @throws NotFoundException for an unknown room, or a channel that is in no live call (audited)
     * @throws ConflictException when the channel is already being moved
     * @throws PbxCommandException when Asterisk refused the Redirect or the PBX is not connected
     */
    public MergeTicket pull(String channel, long roomId, String actor) {
        String c = channel == null ? "" : channel.strip();
        Room room = guard.activeRoom(roomId, "pull.request", c, actor);
        requireCallParty(room, "pull.request", "channel", c, c, actor);
        return start(room, List.of(c), actor);
    }

    /** @return the stored request with its state and detail */
    public Optional<MergeRequest> find(UUID id) {
        return records.find(id);
    }

    /**
     * @return the outcome with each leg's result, for the last 500 merges decided by this process (the
     *     row has the state and the detail only); empty while undecided or when decided before a restart
     */
    public Optional<MergeOutcome> outcome(UUID id) {
        return Optional.ofNullable(outcomes.get(id));
    }

    /**
     * @param limit how many, at most (1 to 500)
     * @return the latest merge and pull requests, newest first, with their state and detail
     */
    public List<MergeRequest> recent(int limit) {
        return records.recent(limit);
    }

    private void requireCallParty(Room room, String action, String field, String channel, String target, String actor) {
        if (channel.isEmpty()) {
            throw guard.refuse(room, action, target, actor, new ValidationException(field, "required"));
        }
        if (calls.callOf(channel).isEmpty()) {
            throw guard.refuse(room, action, target, actor,
                    new NotFoundException(channel + " is not in a live two-party call (it may have ended)"));
        }
    }

    private MergeTicket start(Room room, List<String> channels, String actor) {
        String action = (channels.size() == 1 ? "pull" : "merge") + ".request";
        String context = config.pbx().roomContext();
        if (context.isBlank() || !NUMBER.matcher(room.number).matches()) {
            throw guard.refuse(room, action, String.join(" + ", channels), actor, new ValidationException("roomId",
                    "room " + room.number + " has no conference extension in context '" + context + "'"));
        }
        PendingMerge pending = new PendingMerge(UUID.randomUUID(), room.number, channels);
        try {
            watcher.watch(pending);
        } catch (ConflictException e) {
            throw guard.refuse(room, action, String.join(" + ", channels), actor, e);
        }
        try {
            records.open(pending.id(), room, channels, actor);
        } catch (RuntimeException e) {
            watcher.forget(pending);
            throw e;
        }
        Redirect redirect = channels.size() == 2 ? Redirect.dual(channels.get(0), channels.get(1), context, room.number, 1)
                : Redirect.single(channels.get(0), context, room.number, 1);
        // the timer first: whatever happens below, the merge gets decided and its channels forgotten
        Duration timeout = config.pbx().mergeTimeout();
        worker.schedule(() -> finish(pending), timeout.toMillis(), TimeUnit.MILLISECONDS);
        sendRedirect(pending, redirect);
        if (pending.arm()) {
            worker.execute(() -> finish(pending));
        }
        return new MergeTicket(pending.id(), MergeState.SENT, pending.outcome());
    }

    /** Sends the Redirect and records SENT; a refusal or a Redirect that was not sent ends the merge FAILED. */
    private void sendRedirect(PendingMerge pending, Redirect redirect) {
        try {
            AmiResponse answer = pbx.send(redirect);
            records.sent(pending.id(), "Asterisk: " + answer.text());
        } catch (PbxCommandException e) {
            if (PbxFailure.of(e) == PbxFailure.OUTCOME_UNKNOWN) {
                pending.note(e.getMessage());
                records.sent(pending.id(), e.getMessage());
                return;
            }
            watcher.forget(pending);
            MergeOutcome outcome = pending.refused(e.getMessage());
            if (outcome != null) {
                records.finish(outcome);
                outcomes.put(outcome.id(), outcome);
                pending.outcome().complete(outcome);
            }
            throw e;
        }
    }

    /** Decides, stores and publishes the outcome (once); runs on the merge worker thread. */
    private void finish(PendingMerge pending) {
        Optional<LiveRoom> room = live.room(pending.room());
        MergeOutcome outcome = pending.decide(
                channel -> room.flatMap(r -> r.member(channel)).map(LiveMember::joined).orElse(false),
                room.map(LiveRoom::locked).orElse(false), config.pbx().mergeTimeout());
        if (outcome == null) {
            return;
        }
        watcher.forget(pending);
        try {
            records.finish(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not store the outcome of merge " + pending.id() + ": " + outcome, e);
        }
        outcomes.put(outcome.id(), outcome);
        pending.outcome().complete(outcome);
    }
}
