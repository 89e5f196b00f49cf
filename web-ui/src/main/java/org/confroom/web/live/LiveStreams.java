package org.confroom.web.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.confroom.conference.DatabaseUnavailableException;
import org.confroom.conference.invite.AttemptNotice;
import org.confroom.conference.invite.AttemptNotices;
import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.live.LiveChange;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.live.LiveSnapshot;

import org.jboss.logging.Logger;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Server-Sent Event streams for the pages. A page's stream sends named events whose data is an HTML
 * fragment that htmx swaps in ({@code sse-swap="name"}). Changes are coalesced: after a change the
 * fragment is rendered again at most every {@link #COALESCE}, from the current state, so a burst of
 * 200 joins costs a handful of renders. A change only marks the parts it affects (keep-latest): a client
 * that stops reading holds no queue of changes or rendered events, only what the socket buffers hold, and
 * it never holds up the AMI event thread or other streams. Every stream also carries the PBX banner
 * ({@code pbx}) and a keep-alive comment that lets a dead client be noticed. Besides the live state, a part
 * can follow committed changes of call attempts ({@link Part#onAttempts}), coalesced the same way.
 */
@ApplicationScoped
public class LiveStreams {
    /** Coalescing window of re-renders after live changes. */
    public static final Duration COALESCE = Duration.ofMillis(100);
    /** More changed rows of one part in one tick are sent as the whole part. */
    static final int MAX_ROWS_PER_TICK = 3;
    /** Shared renders kept at most (one per part, role and row shown); beyond, they are forgotten. */
    private static final int MAX_SHARED = 10_000;

    /** Interval of the keep-alive and of periodic refreshes. */
    public static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    @Inject
    LiveRooms liveRooms;

    @Inject
    AttemptNotices attemptNotices;

    @Inject
    @Location("fragments/pbx-banner.html")
    Template banner;

    /** One named part of a page that a stream keeps fresh. */
    public record Part(String event, Predicate<LiveChange> affectedBy, Supplier<String> render, boolean onTick,
            Predicate<AttemptNotice> affectedByAttempts, Function<LiveChange, Optional<Row>> rows) {
        /** A part that follows the live state and call attempts, without rows of its own. */
        public Part(String event, Predicate<LiveChange> affectedBy, Supplier<String> render, boolean onTick,
                Predicate<AttemptNotice> affectedByAttempts) {
            this(event, affectedBy, render, onTick, affectedByAttempts, c -> Optional.empty());
        }

        /** A part that follows the live state (and the tick), not call attempts. */
        public Part(String event, Predicate<LiveChange> affectedBy, Supplier<String> render, boolean onTick) {
            this(event, affectedBy, render, onTick, n -> false);
        }

        /** A part re-rendered after the live changes it depends on. */
        public static Part onChange(String event, Predicate<LiveChange> affectedBy, Supplier<String> render) {
            return new Part(event, affectedBy, render, false);
        }

        /**
         * A part re-rendered after the live changes it depends on, except the changes that {@code rows} turns
         * into a row of their own: only that row is rendered and sent, as its own event (a mute in a room of
         * 200 sends one row, not the table).
         */
        public static Part onChangeWithRows(String event, Predicate<LiveChange> affectedBy, Supplier<String> render,
                Function<LiveChange, Optional<Row>> rows) {
            return new Part(event, affectedBy, render, false, n -> false, rows);
        }

        /** A part re-rendered every tick and sent only when it differs from the last one sent (database state). */
        public static Part polled(String event, Supplier<String> render) {
            return new Part(event, c -> false, render, true);
        }

        /** A part re-rendered after committed changes of the call attempts it depends on (database state). */
        public static Part onAttempts(String event, Predicate<AttemptNotice> affectedBy, Supplier<String> render) {
            return new Part(event, c -> false, render, false, affectedBy);
        }
    }

    /**
     * One row of a part, sent as its own event.
     *
     * @param event the row's event name (the row element has {@code sse-swap} with it)
     * @param render renders the row from the current state; null when the row is gone (the part is then re-rendered)
     */
    public record Row(String event, Supplier<String> render) {
    }

    /**
     * @param sse the JAX-RS SSE factory of the request
     * @param parts what the page keeps fresh, besides the PBX banner
     * @return the event stream; it ends when the client goes away
     */
    public Multi<OutboundSseEvent> stream(Sse sse, List<Part> parts) {
        return Multi.createFrom().resource(() -> new Follower(parts),
                                // one event at a time from each side: nothing rendered piles up in the merge while the client stalls
                follower -> Multi.createBy().merging().withRequests(1).streams(follower.changes(sse), follower.ticks(sse)))
                .withFinalizer(Follower::close);
    }

    /**
     * What one stream has to re-render. Live changes and attempt notices only set flags (per part, and the
     * banner); the renders happen on the stream's own clock and only while the client takes events. Nothing
     * queues per change, so a client that stops reading costs a few flags however much the rooms change:
     * its ticks are dropped while the HTTP layer has no demand (Quarkus REST asks for the next event only
     * when the last one was written to the socket) and the next render is from the current state.
     */
    private final class Follower {
        private final List<Part> parts;
        private final BitSet dirty;
        private final String[] lastSent;
        private final String[] lastBanner = {null};
        private final ListenerRegistry.Subscription live;
        private final ListenerRegistry.Subscription attempts;
        private boolean bannerDirty;
        /** rows changed since the last tick, per part, by event name (parts re-rendered whole drop theirs) */
        private final java.util.Map<String, RowOf> dirtyRows = new java.util.LinkedHashMap<>();

        Follower(List<Part> parts) {
            this.parts = parts;
            this.dirty = new BitSet(parts.size());
            this.lastSent = new String[parts.size()];
            this.live = liveRooms.subscribe(this::onChange);
            this.attempts = attemptNotices.subscribe(this::onAttempt);
        }

        private synchronized void onChange(LiveChange c) {
            if (c instanceof LiveChange.ConnectionChanged || c instanceof LiveChange.ChangesDropped) {
                bannerDirty = true;
                dirty.set(0, parts.size());
                return;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (dirty.get(i) || !parts.get(i).affectedBy().test(c)) {
                    continue;
                }
                Optional<Row> row = parts.get(i).rows().apply(c);
                if (row.isPresent()) {
                    dirtyRows.put(row.get().event(), new RowOf(i, row.get()));
                } else {
                    dirty.set(i);
                }
            }
        }

        private synchronized void onAttempt(AttemptNotice n) {
            for (int i = 0; i < parts.size(); i++) {
                if (!dirty.get(i) && parts.get(i).affectedByAttempts().test(n)) {
                    dirty.set(i);
                }
            }
        }

        /** Every {@link #COALESCE}: the parts changed since the last time, rendered from the current state. */
        Multi<OutboundSseEvent> changes(Sse sse) {
            return Multi.createFrom().ticks().every(COALESCE).onOverflow().drop()
                    .emitOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToIterable(tick -> {
                        BitSet due;
                        boolean banner;
                        List<RowOf> rows;
                        synchronized (this) {
                            due = (BitSet) dirty.clone();
                            dirty.clear();
                            rows = new ArrayList<>(dirtyRows.values());
                            dirtyRows.clear();
                            banner = bannerDirty;
                            bannerDirty = false;
                        }
                        List<OutboundSseEvent> out = new ArrayList<>();
                        if (banner) {
                            addIfChanged(out, sse, "pbx", LiveStreams.this::renderBanner, lastBanner, 0);
                        }
                        // many rows of one part at once (mute all): the whole part is cheaper and as quick
                        int[] perPart = new int[parts.size()];
                        rows.forEach(r -> perPart[r.part()]++);
                        for (int i = 0; i < perPart.length; i++) {
                            if (perPart[i] > MAX_ROWS_PER_TICK) {
                                due.set(i);
                            }
                        }
                        for (RowOf r : rows) {
                            if (due.get(r.part())) {
                                continue; // the whole part goes out anyway
                            }
                            String html = renderRow(r.row());
                            if (html == null) {
                                due.set(r.part()); // the row is gone or failed: send the part
                                continue;
                            }
                            synchronized (lastSent) {
                                lastSent[r.part()] = null; // the client's part now differs from the last one sent
                            }
                            out.add(sse.newEventBuilder().name(r.row().event()).data(html).build());
                        }
                        due.stream().forEach(i -> addIfChanged(out, sse, parts.get(i).event(), parts.get(i).render(), lastSent, i));
                        return out;
                    });
        }

        /** Every {@link #TICK}: the banner, the polled parts when they changed, else a keep-alive comment. */
        Multi<OutboundSseEvent> ticks(Sse sse) {
            return Multi.createFrom().ticks().every(TICK).onOverflow().drop()
                    .emitOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToIterable(tick -> {
                        List<OutboundSseEvent> out = new ArrayList<>();
                        addIfChanged(out, sse, "pbx", LiveStreams.this::renderBanner, lastBanner, 0);
                        for (int i = 0; i < parts.size(); i++) {
                            if (parts.get(i).onTick()) {
                                addIfChanged(out, sse, parts.get(i).event(), parts.get(i).render(), lastSent, i);
                            }
                        }
                        if (out.isEmpty()) {
                            out.add(sse.newEventBuilder().comment("keep-alive").build());
                        }
                        return out;
                    });
        }

        void close() {
            live.close();
            attempts.close();
        }
    }

    private record RowOf(int part, Row row) {
    }

    private static String renderRow(Row row) {
        try {
            return row.render().get();
        } catch (RuntimeException e) {
            LOG.warnf("live row '%s' not rendered, the whole part goes instead: %s", row.event(),
                    DatabaseUnavailableException.find(e).orElse(String.valueOf(e)));
            return null;
        }
    }

    private record Rendered(LiveSnapshot basis, String html) {
    }

    private final java.util.Map<String, Rendered> shared = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A render shared by every stream that shows the same thing: rendered once per live-state snapshot
     * (snapshots are immutable and replaced on every change) however many browsers watch, instead of once
     * per stream. Use it for parts that depend on the live state and on nothing that changes without it.
     *
     * @param key names everything the render depends on besides the live state (page, room, role)
     * @param render renders the part
     * @return the shared render
     */
    public Supplier<String> shared(String key, Supplier<String> render) {
        return () -> {
            LiveSnapshot basis = liveRooms.snapshot();
            if (shared.size() > MAX_SHARED) {
                shared.clear();
            }
            return shared.compute(key, (k, old) -> old != null && old.basis() == basis ? old : new Rendered(basis, render.get()))
                    .html();
        };
    }

    private String renderBanner() {
        return banner.data("status", liveRooms.status()).render();
    }

    /**
     * Renders a part and adds it when it changed. A part that cannot be rendered now (the database is
     * restarting, say) is skipped and tried again on the next change or tick: the stream stays open.
     */
    private static void addIfChanged(List<OutboundSseEvent> out, Sse sse, String event, Supplier<String> render, String[] last,
            int i) {
        String html;
        try {
            html = render.get();
        } catch (RuntimeException e) {
            LOG.warnf("live part '%s' not rendered, kept the last one: %s", event,
                    DatabaseUnavailableException.find(e).orElse(String.valueOf(e)));
            synchronized (last) {
                last[i] = null; // send it again once it renders
            }
            return;
        }
        synchronized (last) {
            if (html.equals(last[i])) {
                return;
            }
            last[i] = html;
        }
        out.add(sse.newEventBuilder().name(event).data(html).build());
    }
}
