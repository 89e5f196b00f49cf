package org.confroom.conference.merge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.HangupEvent;
import org.confroom.conference.ConflictException;

/**
 * Routes {@code ConfbridgeJoin} and {@code Hangup} events of channels being merged to their
 * {@link PendingMerge}. Runs on the AMI event thread: a map lookup per event; deciding and writing the
 * outcome is handed to {@code onResolved}, which must not block.
 */
final class MergeWatcher implements AmiEventListener {
    private final Map<String, PendingMerge> byChannel = new ConcurrentHashMap<>();
    private final Consumer<PendingMerge> onResolved;

    /** @param onResolved called (on the event thread) when every leg of a merge is resolved */
    MergeWatcher(Consumer<PendingMerge> onResolved) {
        this.onResolved = onResolved;
    }

    /**
     * Starts watching the channels of a merge.
     *
     * @throws ConflictException when one of them is already being merged; nothing is watched then
     */
    void watch(PendingMerge merge) {
        List<String> channels = merge.channels();
        for (int i = 0; i < channels.size(); i++) {
            PendingMerge other = byChannel.putIfAbsent(channels.get(i), merge);
            if (other != null) {
                channels.subList(0, i).forEach(c -> byChannel.remove(c, merge));
                throw new ConflictException(channels.get(i) + " is already being moved by merge " + other.id()
                        + "; wait for its outcome");
            }
        }
    }

    /** Stops watching a merge's channels. */
    void forget(PendingMerge merge) {
        merge.channels().forEach(c -> byChannel.remove(c, merge));
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (event instanceof ConfbridgeJoinEvent join) {
            PendingMerge m = byChannel.get(join.channel());
            if (m != null && m.joined(join.channel(), join.conference())) {
                onResolved.accept(m);
            }
        } else if (event instanceof HangupEvent hangup) {
            PendingMerge m = byChannel.get(hangup.channel());
            if (m != null && m.hungUp(hangup.channel(), hangup.cause(), hangup.causeText())) {
                onResolved.accept(m);
            }
        }
    }
}
