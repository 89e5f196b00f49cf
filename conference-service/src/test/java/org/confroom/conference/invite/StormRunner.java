package org.confroom.conference.invite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.action.Hangup;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.sim.SimControls;
import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.room.Room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Runs one {@link StormPlan} through {@link InvitationService} against the simulator: four threads invite
 * room by room while the dispatcher dials; a fault thread hurts the AMI connection when the planned share
 * of attempts has settled; when every attempt is JOINED or final the joined phones are hung up; then the
 * attempts, their notices and the simulator's ledger of Originates are compared. Every wait is bounded.
 */
@ApplicationScoped
public class StormRunner {
    /** Bound of each phase: generous for a shared 2-core machine (a 500-number storm settles in seconds). */
    static final Duration PHASE = Duration.ofSeconds(120);
    private static final int SUBMITTERS = 4;
    private static final int PROBLEMS_SHOWN = 8;

    @Inject
    InvitationService invitations;

    @Inject
    AttemptTestSupport support;

    @Inject
    PbxConnection pbx;

    @Inject
    AttemptNotices notices;

    @Inject
    DispatchTimings timings;

    @Inject
    OriginateOutcomes originateOutcomes;

    StormResult run(StormPlan plan, SimControls sim) throws Exception {
        List<Room> rooms = plan.roomNumbers().stream().map(support::room).toList();
        Set<Long> roomIds = ConcurrentHashMap.newKeySet();
        rooms.forEach(r -> roomIds.add(r.id));
        awaitReady();
        Awaits.until(() -> sim.originatePeaks().ringingNow() == 0, PHASE, "the calls of the previous storm to end");
        sim.resetOriginatePeaks();
        LatencyHistogram.Snapshot handoff0 = timings.handoff();
        LatencyHistogram.Snapshot send0 = timings.send();
        LatencyHistogram.Snapshot claim0 = timings.claim();
        Map<OriginateOutcomes.Outcome, Long> outcomes0 = originateOutcomes.counts();

        // notices come in commit order; one whose state differs from the attempt's last one is a transition
        Map<UUID, AttemptState> lastState = new ConcurrentHashMap<>();
        Map<UUID, Integer> finalNotices = new ConcurrentHashMap<>();
        AtomicLong updatesAfterFinal = new AtomicLong();
        Set<UUID> settled = ConcurrentHashMap.newKeySet();
        AtomicLong droppedNotices = new AtomicLong();
        List<StormPlan.FaultKind> fired = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        long start = System.nanoTime();
        List<UUID> ids;
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + 1);
        try (ListenerRegistry.Subscription sub = notices.subscribe(n -> {
            if (n instanceof AttemptNotice.Changed c && c.roomId() != null && roomIds.contains(c.roomId())) {
                AttemptState before = lastState.put(c.attemptId(), c.state());
                if (c.state().isFinal() && before != c.state()) {
                    finalNotices.merge(c.attemptId(), 1, Integer::sum);
                } else if (c.state().isFinal()) {
                    updatesAfterFinal.incrementAndGet(); // e.g. the channel name of a Newchannel read after the failure
                }
                if (c.state().isFinal() || c.state() == AttemptState.JOINED) {
                    settled.add(c.attemptId());
                }
            } else if (n instanceof AttemptNotice.Dropped d) {
                droppedNotices.addAndGet(d.dropped());
            }
        })) {
            Future<?> faults = pool.submit(() -> {
                strike(plan.faults(), sim, settled, done, fired);
                return null;
            });
            List<Future<CallAttempt>> queued = new ArrayList<>();
            for (StormPlan.Invite i : plan.invites()) {
                long roomId = rooms.get(i.room()).id;
                queued.add(pool.submit(() -> invitations.invite(roomId, i.number(), InviteeRole.PARTICIPANT, "storm")));
            }
            ids = new ArrayList<>();
            for (Future<CallAttempt> f : queued) {
                ids.add(f.get(PHASE.toSeconds(), TimeUnit.SECONDS).id);
            }
            awaitAll(ids, List.of(AttemptState.JOINED, AttemptState.ENDED, AttemptState.FAILED), "JOINED or final", timeouts);
            done.set(true);
            faults.get(PHASE.toSeconds(), TimeUnit.SECONDS);
            awaitReady();
            hangUpJoined(ids);
            awaitAll(ids, List.of(AttemptState.ENDED, AttemptState.FAILED), "final", timeouts);
            // notices are delivered after the commit, on another thread
            awaitQuietly(() -> ids.stream().allMatch(finalNotices::containsKey));
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return evaluate(plan, ids, took, fired, timeouts, finalNotices, updatesAfterFinal.get(), droppedNotices.get(), sim,
                timings.handoff().minus(handoff0), timings.send().minus(send0), timings.claim().minus(claim0), minus(originateOutcomes.counts(), outcomes0));
    }

    /** The fault thread: each fault strikes once its share of attempts has settled, unless the storm is over. */
    private void strike(List<StormPlan.Fault> faults, SimControls sim, Set<UUID> settled, AtomicBoolean done,
            List<StormPlan.FaultKind> fired) throws InterruptedException {
        for (StormPlan.Fault f : faults) {
            while (settled.size() < f.afterSettled() && !done.get()) {
                Thread.sleep(2);
            }
            if (done.get()) {
                return;
            }
            long connects = pbx.client().stats().connects();
            switch (f.kind()) {
                case DROP -> sim.dropAllConnections();
                case STALL_THEN_DROP -> {
                    sim.stallReading(true);
                    try {
                        Thread.sleep(f.millis());
                        sim.dropAllConnections();
                    } finally {
                        sim.stallReading(false);
                    }
                }
                case DOUBLE_DROP -> {
                    sim.dropAllConnections();
                    Thread.sleep(f.millis());
                    sim.dropAllConnections();
                }
            }
            synchronized (fired) {
                fired.add(f.kind());
            }
            Awaits.until(() -> pbx.client().stats().connects() > connects && pbx.state() == ConnectionState.READY, PHASE,
                    "the PBX connection to come back after " + f.kind());
        }
    }

    private void hangUpJoined(List<UUID> ids) throws Exception {
        List<CompletableFuture<?>> hangups = new ArrayList<>();
        for (CallAttempt a : attempts(ids)) {
            if (a.state() == AttemptState.JOINED) {
                hangups.add(pbx.client().send(Hangup.of(a.channel)).exceptionally(e -> null));
            }
        }
        CompletableFuture.allOf(hangups.toArray(CompletableFuture[]::new)).get(PHASE.toSeconds(), TimeUnit.SECONDS);
    }

    private StormResult evaluate(StormPlan plan, List<UUID> ids, Duration took, List<StormPlan.FaultKind> fired, List<String> timeouts,
            Map<UUID, Integer> finalNotices, long updatesAfterFinal, long droppedNotices, SimControls sim, LatencyHistogram.Snapshot handoff,
            LatencyHistogram.Snapshot send, LatencyHistogram.Snapshot claim, Map<OriginateOutcomes.Outcome, Long> originates) {
        List<CallAttempt> all = attempts(ids);
        Map<String, StormPlan.Expect> expect = new TreeMap<>();
        plan.invites().forEach(i -> expect.put(i.number(), i.expect()));
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>(timeouts);
        int lost = 0;
        int duplicates = 0;
        int neverReached = 0;
        int unknown = 0;
        int reconciled = 0;
        int wrong = 0;
        int notices1 = 0;
        if (droppedNotices > 0) {
            problems.add(droppedNotices + " attempt notices were dropped: the final-transition count is incomplete");
        }
        for (CallAttempt a : all) {
            int sent = sim.originateCount(a.id.toString());
            String outcome = a.state() == AttemptState.FAILED ? a.failureReason().name() : a.state().name();
            outcomes.merge(outcome, 1, Integer::sum);
            String what = "attempt " + a.id + " (" + a.number + ", " + expect.get(a.number) + ", sent " + sent + "x, "
                    + (a.outcomeUnknown ? "outcome unknown, " : "") + outcome + ": " + a.failureDetail + ")";
            if (!a.state().isFinal()) {
                lost++;
                problems.add("not final: " + what);
            }
            if (sent > 1) {
                duplicates++;
                problems.add("duplicate Originate: " + what);
            }
            if (sent == 0) {
                neverReached++;
            }
            if (a.outcomeUnknown) {
                unknown++;
                if (a.state().isFinal()) {
                    reconciled++;
                }
            }
            if (a.state().isFinal() && !plausible(a, expect.get(a.number), sent)) {
                wrong++;
                problems.add("wrong outcome: " + what);
            }
            if (finalNotices.getOrDefault(a.id, 0) != 1) {
                notices1++;
                problems.add(finalNotices.getOrDefault(a.id, 0) + " transitions to a final state: " + what);
            }
        }
        SimControls.OriginatePeaks peaks = sim.originatePeaks();
        int perRoom = plan.roomNumbers().stream().mapToInt(r -> peaks.peakByExten().getOrDefault(r, 0)).max().orElse(0);
        return new StormResult(plan, took, List.copyOf(fired), outcomes, lost, duplicates, neverReached, unknown, reconciled,
                wrong, notices1, updatesAfterFinal, peaks.peakTotal(), perRoom, handoff, send, claim, originates,
                problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
    }

    /**
     * An attempt that reached the PBX ends as the dialplan says (an answered phone ENDED after its hangup; a
     * busy one BUSY...), or, when its outcome became unknown and the call was over before the reconciliation,
     * FAILED LOST. One that never reached the PBX can only be FAILED LOST.
     */
    private static boolean plausible(CallAttempt a, StormPlan.Expect e, int sent) {
        if (sent == 0) {
            return a.state() == AttemptState.FAILED && a.failureReason() == FailureReason.LOST;
        }
        boolean asDialled = e == StormPlan.Expect.ANSWER ? a.state() == AttemptState.ENDED : a.failureReason() == e.failure();
        // an answered phone stays on the PBX until hung up, so the reconciliation always finds it
        boolean lostAfterTheCall = a.outcomeUnknown && e != StormPlan.Expect.ANSWER && a.failureReason() == FailureReason.LOST;
        return asDialled || lostAfterTheCall;
    }

    @Transactional
    List<CallAttempt> attempts(List<UUID> ids) {
        return CallAttempt.list("id in ?1", ids);
    }

    @Transactional
    long countNotIn(List<UUID> ids, List<AttemptState> states) {
        return CallAttempt.count("id in ?1 and state not in ?2", ids, states);
    }

    /** Polls with a count query (not every 20 ms: the database is the dispatcher's too). */
    private void awaitAll(List<UUID> ids, List<AttemptState> states, String what, List<String> timeouts)
            throws InterruptedException {
        long end = System.nanoTime() + PHASE.toNanos();
        while (countNotIn(ids, states) > 0) {
            if (System.nanoTime() > end) {
                List<CallAttempt> left = attempts(ids).stream().filter(a -> !states.contains(a.state())).toList();
                timeouts.add("timed out after " + PHASE.toSeconds() + " s: " + left.size() + " of " + ids.size()
                        + " attempts not " + what + ", e.g. " + left.stream().limit(5)
                                .map(a -> a.id + " " + a.number + " " + a.state() + (a.outcomeUnknown ? " (outcome unknown)" : ""))
                                .toList());
                return;
            }
            Thread.sleep(50);
        }
    }

    private void awaitReady() throws InterruptedException {
        Awaits.until(() -> pbx.state() == ConnectionState.READY, PHASE, "the PBX connection to be ready");
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    private static Map<OriginateOutcomes.Outcome, Long> minus(Map<OriginateOutcomes.Outcome, Long> now,
            Map<OriginateOutcomes.Outcome, Long> before) {
        Map<OriginateOutcomes.Outcome, Long> d = new EnumMap<>(OriginateOutcomes.Outcome.class);
        now.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }
}
