package org.confroom.ami.sim;

import java.time.Duration;
import java.util.Map;

/**
 * Test controls of an {@link AmiSimulator}: faults (drop, stall, slow writer), the Asterisk restart of
 * transcript 27, and inspection of the simulated state.
 */
public final class SimControls {
    private final AmiSimulator sim;

    SimControls(AmiSimulator sim) {
        this.sim = sim;
    }

    /**
     * Deterministic clock mode ({@code SimConfig.Builder.manualClock(true)}): moves the PBX's virtual time
     * forward and runs, in time order, every timer that falls due; returns when they have run.
     *
     * @param by how far to move the clock (delays are scaled by the timing's scale first)
     * @return timers still waiting
     * @throws IllegalStateException when the simulator runs in real time
     */
    public int advance(Duration by) {
        return sim.pbx().advance(by);
    }

    /** Drops every AMI connection at once, without Shutdown event or flush. */
    public void dropAllConnections() {
        sim.server().dropAll();
    }

    /**
     * The PBX goes away: stops listening (new connections are refused) and drops every AMI connection,
     * until {@link #acceptConnections()}. The simulated calls and conferences stay as they are.
     */
    public void refuseConnections() {
        sim.server().stopListening();
        sim.server().dropAll();
    }

    /** Listens again on the same port after {@link #refuseConnections()}. */
    public void acceptConnections() {
        sim.server().listen(sim.port());
    }

    /** @param stalled true to stop reading client input on every session (actions then get no answer) */
    public void stallReading(boolean stalled) {
        sim.faults().stall(stalled);
    }

    /** @param perMessage pause before each message written to a client; zero for full speed */
    public void slowWriter(Duration perMessage) {
        sim.faults().writeDelayMillis(perMessage.toMillis());
    }

    /**
     * @param observer sees every message each TCP session writes, with the time it was written (for
     *     measurements); null for none
     */
    public void observeWrites(WriteObserver observer) {
        sim.faults().writeObserver(observer);
    }

    /**
     * @return what the AMI TCP sessions received so far, checked for bare CR, bare LF, NUL and
     *     undecodable blocks: the wire-level proof that no header value broke the framing
     */
    public WireStats wire() {
        return sim.wire().snapshot();
    }

    /** Starts the {@link #wire()} counts afresh. */
    public void resetWire() {
        sim.wire().reset();
    }

    /** Sets the sequence number of the next Local channel pair ({@code -0000000f} is 15). */
    public void setNextChannelSequence(int seq) {
        Pbx pbx = sim.pbx();
        pbx.call(() -> {
            pbx.channels.setNextSequence(seq);
            return null;
        });
    }

    /** @return the number of live (visible) channels */
    public int channelCount() {
        Pbx pbx = sim.pbx();
        return pbx.call(pbx.channels::count);
    }

    /** @return the number of active conferences */
    public int conferenceCount() {
        Pbx pbx = sim.pbx();
        return pbx.call(pbx.conferences::size);
    }

    /** @return the number of listed members of a conference, 0 when it does not exist */
    public int memberCount(String conference) {
        Pbx pbx = sim.pbx();
        return pbx.call(() -> {
            ConferenceRoom room = pbx.conferences.get(conference);
            return room == null ? 0 : room.members.size();
        });
    }

    /**
     * @param channelId a ChannelId given to Originate
     * @return how many Originate actions with this ChannelId the PBX received since it started (across
     *         restarts), whether they succeeded or not; more than one is a duplicate
     */
    public int originateCount(String channelId) {
        return sim.originates().count(channelId);
    }

    /** @return for every ChannelId given to Originate, how many Originates with it the PBX received */
    public Map<String, Integer> originateCounts() {
        return sim.originates().counts();
    }

    /**
     * Originated calls ringing at once: created by an Originate with a ChannelId, their {@code ;1} half not
     * yet in a conference and not hung up (the calls a dialler's concurrency caps limit).
     *
     * @return the number ringing now, and the largest numbers seen since start or {@link #resetOriginatePeaks()}
     */
    public OriginatePeaks originatePeaks() {
        return sim.originates().peaks();
    }

    /** Starts the peaks of {@link #originatePeaks()} again from the calls ringing now. */
    public void resetOriginatePeaks() {
        sim.originates().resetPeaks();
    }

    /**
     * @param ringingNow originated calls ringing now
     * @param peakTotal most ringing at once
     * @param peakByExten most ringing at once per {@code Exten} of their Originate (the conference they are
     *        to join), by Exten
     */
    public record OriginatePeaks(int ringingNow, int peakTotal, Map<String, Integer> peakByExten) {
        public OriginatePeaks {
            peakByExten = Map.copyOf(peakByExten);
        }

        /** @return the largest per-Exten peak, 0 when none */
        public int peakPerExten() {
            return peakByExten.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** @return the number of open AMI TCP connections */
    public int connectionCount() {
        return sim.server().sessionCount();
    }

    /**
     * Restarts the simulated Asterisk as {@code core stop now} and a new start did in transcript 27:
     * {@code Shutdown} event to every session, close of every connection, a short window in which new
     * connections are accepted and closed without banner, then refused connections, then a fresh server
     * with all state gone whose boot-time {@code FullyBooted} reaches early logins. Returns when the new
     * server listens again.
     *
     * @throws InterruptedException if interrupted while waiting through the windows
     */
    public void restart() throws InterruptedException {
        SimTiming t = sim.config().timing();
        Pbx old = sim.pbx();
        old.call(() -> {
            old.bus.publish(EventClass.SYSTEM, Snapshots.event("Shutdown", EventClass.SYSTEM)
                    .add("Shutdown", "Cleanly").add("Restart", "False"));
            return null;
        });
        Thread.sleep(t.scaledMillis(t.shutdownClose()));
        sim.server().dying();
        sim.server().closeAllAfterFlush();
        Thread.sleep(t.scaledMillis(t.dyingWindow()));
        sim.server().stopListening();
        Pbx fresh = sim.replacePbx();
        Thread.sleep(t.scaledMillis(t.restartDown()));
        sim.server().listen(sim.port());
        fresh.schedule(t.bootDelay(), () -> {
            fresh.booted = true;
            // the boot-time broadcast has another header order than the one sent on login (27)
            fresh.bus.publish(EventClass.SYSTEM, Snapshots.event("FullyBooted", EventClass.SYSTEM)
                    .add("Status", "Fully Booted").add("Uptime", "0").add("LastReload", "0"));
        });
    }
}
