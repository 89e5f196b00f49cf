package org.confroom.conference.live;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every live conference at one moment, with the PBX status. Immutable.
 *
 * @param rooms live conferences by number, ordered by number (shorter numbers first)
 * @param pbx the connection status; when {@link PbxStatus#stale()} the rooms are the last known state
 * @param at when this snapshot was made
 */
public record LiveSnapshot(Map<String, LiveRoom> rooms, PbxStatus pbx, Instant at) {
    /** Copies the rooms, keeping their order. */
    public LiveSnapshot {
        rooms = Collections.unmodifiableMap(new LinkedHashMap<>(rooms));
    }

    /** @return the live conference with this number */
    public Optional<LiveRoom> room(String number) {
        return Optional.ofNullable(rooms.get(number));
    }

    /** @return true while the state may be out of date */
    public boolean stale() {
        return pbx.stale();
    }
}
