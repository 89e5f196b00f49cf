package org.confroom.ami.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * What the PBX saw of Originates that carried a {@code ChannelId}, for tests that check a client from the
 * PBX side: how many Originates arrived per ChannelId (a second one is a duplicate), and how many
 * originated calls were ringing at once, in total and per {@code Exten} of the Originate (the room an
 * invitation dials into). A call rings from its Local pair's creation until its {@code ;1} half joins a
 * conference or is gone. Outlives a {@link SimControls#restart()} (which ends every ringing call).
 * Written on the PBX thread, read by tests: synchronized.
 */
final class OriginateLedger {
    private final Map<String, Integer> received = new HashMap<>();
    private final Map<String, String> ringing = new HashMap<>();
    private final Map<String, Integer> ringingByExten = new HashMap<>();
    private final Map<String, Integer> peakByExten = new HashMap<>();
    private int peakTotal;

    /** An Originate with this ChannelId arrived (counted before it is checked or run). */
    synchronized void received(String channelId) {
        received.merge(channelId, 1, Integer::sum);
    }

    /** The Originate created its Local pair: the call with this {@code ;1} Uniqueid rings towards {@code exten}. */
    synchronized void ringing(String uniqueid, String exten) {
        if (ringing.putIfAbsent(uniqueid, exten) != null) {
            return;
        }
        int inExten = ringingByExten.merge(exten, 1, Integer::sum);
        peakByExten.merge(exten, inExten, Math::max);
        peakTotal = Math.max(peakTotal, ringing.size());
    }

    /** The channel with this Uniqueid joined a conference or is gone; no-op for other channels. */
    synchronized void settled(String uniqueid) {
        String exten = ringing.remove(uniqueid);
        if (exten != null) {
            ringingByExten.merge(exten, -1, Integer::sum);
        }
    }

    /** The PBX restarted: every call it had is gone. */
    synchronized void pbxRestarted() {
        ringing.clear();
        ringingByExten.clear();
    }

    synchronized int count(String channelId) {
        return received.getOrDefault(channelId, 0);
    }

    synchronized Map<String, Integer> counts() {
        return Map.copyOf(received);
    }

    synchronized SimControls.OriginatePeaks peaks() {
        return new SimControls.OriginatePeaks(ringing.size(), peakTotal, peakByExten);
    }

    /** Starts the peaks again from what rings now. */
    synchronized void resetPeaks() {
        peakTotal = ringing.size();
        peakByExten.clear();
        ringingByExten.forEach((exten, n) -> {
            if (n > 0) {
                peakByExten.put(exten, n);
            }
        });
    }
}
