package org.confroom.conference.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the event-driven changes made while a listing is read from the PBX, so that they can be applied
 * again on top of the listing: the listing may have been made before or after any of them, and every
 * change is idempotent, so replaying them in order gives the right state either way. Not thread-safe:
 * use it under the lock that guards the state.
 *
 * @param <S> the state type
 */
public final class ResyncJournal<S> {
    private List<Consumer<S>> changes;

    /** A listing is about to be asked for: record from now on. */
    public void begin() {
        changes = new ArrayList<>();
    }

    /** @param change a change just applied to the state; kept while a listing is read */
    public void record(Consumer<S> change) {
        if (changes != null) {
            changes.add(change);
        }
    }

    /**
     * The listing was read, or failed. Stops recording.
     *
     * @param state the state
     * @param listing applies the listing to the state; null when the listing failed (nothing is replayed)
     */
    public void end(S state, Consumer<S> listing) {
        List<Consumer<S>> replay = changes;
        changes = null;
        if (listing != null) {
            listing.accept(state);
            if (replay != null) {
                replay.forEach(change -> change.accept(state));
            }
        }
    }
}
