package org.confroom.conference.invite;

import java.util.UUID;

/**
 * A committed change of a call attempt, as delivered by {@link AttemptNotices}. It says which attempt
 * changed, not how: readers load what they show from the database.
 */
public sealed interface AttemptNotice {
    /** @return true when a view of this room's attempts may have to be read again */
    boolean concernsRoom(long roomId);

    /**
     * An attempt was created or changed, and the change is committed.
     *
     * @param attemptId the attempt
     * @param roomId its room, or null for click-to-call
     * @param state its state after the change
     */
    record Changed(UUID attemptId, Long roomId, AttemptState state) implements AttemptNotice {
        @Override
        public boolean concernsRoom(long room) {
            return roomId != null && roomId == room;
        }
    }

    /**
     * This subscriber fell behind and notices were dropped: any attempt may have changed.
     *
     * @param dropped how many notices were dropped
     */
    record Dropped(long dropped) implements AttemptNotice {
        @Override
        public boolean concernsRoom(long room) {
            return true;
        }
    }
}
