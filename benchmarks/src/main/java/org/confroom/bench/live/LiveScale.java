package org.confroom.bench.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.confroom.conference.config.ConfroomConfig;
import org.confroom.conference.live.StandaloneLive;

/** Shared pieces of the live-state harnesses: the service's configuration and the lag arithmetic. */
public final class LiveScale {
    private LiveScale() {
    }

    /**
     * @param port the simulator's AMI port
     * @param eventMask {@code on} for every class including the dialplan flood, or the service's default
     *     {@code call,system,reporting}
     * @return the service configuration: the simulator's admin user (it may read {@code dialplan}), MD5 login
     */
    public static ConfroomConfig config(int port, String eventMask) {
        return config(port, eventMask, "5s");
    }

    /** @param roomPollInterval {@code confroom.pbx.room-poll-interval} (the application's default is 5s) */
    public static ConfroomConfig config(int port, String eventMask, String roomPollInterval) {
        return StandaloneLive.config(Map.of("confroom.pbx.host", "127.0.0.1", "confroom.pbx.port", Integer.toString(port),
                "confroom.pbx.username", "admin", "confroom.pbx.secret", "admin-secret", "confroom.pbx.event-mask", eventMask,
                "confroom.pbx.room-poll-interval", roomPollInterval));
    }

    /**
     * Lags of the joins seen on both sides.
     *
     * @param micros lag per matched join in microseconds, in the order the simulator wrote the joins
     * @param matched joins stamped by the simulator and seen by the subscriber
     * @param negative lags below zero (would mean the two clocks are not comparable)
     */
    public record Lags(List<Long> micros, int matched, int negative) {
    }

    /**
     * @param written ConfbridgeJoin write time per channel (simulator)
     * @param applied MemberJoined receive time per channel (subscriber); both {@link System#nanoTime()}, which
     *     on Linux is CLOCK_MONOTONIC and so comparable between processes of one machine
     */
    public static Lags lags(Map<String, Long> written, Map<String, Long> applied) {
        List<Long> out = new ArrayList<>(written.size());
        int negative = 0;
        List<Map.Entry<String, Long>> inOrder = new ArrayList<>(written.entrySet());
        inOrder.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Long> e : inOrder) {
            Long at = applied.get(e.getKey());
            if (at != null) {
                long lag = at - e.getValue();
                if (lag < 0) {
                    negative++;
                }
                out.add(lag / 1_000);
            }
        }
        return new Lags(out, out.size(), negative);
    }
}
