package org.confroom.conference.merge;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.room.Room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The {@code merge_request} rows and their audit rows, each step in a short transaction of its own: a
 * merge spans a Redirect and several seconds of waiting, which no transaction should.
 * Audit actions: {@code merge.request}/{@code merge.result} for two channels, {@code pull.request}/
 * {@code pull.result} for one.
 */
@ApplicationScoped
public class MergeRecords {
    @Inject
    AuditLog audit;

    /** Writes the REQUESTED row and its audit row. */
    @Transactional
    public void open(UUID id, Room room, List<String> channels, String actor) {
        MergeRequest r = new MergeRequest();
        r.id = id;
        r.roomId = room.id;
        r.channelA = channels.get(0);
        r.channelB = channels.size() > 1 ? channels.get(1) : null;
        r.state = MergeState.REQUESTED;
        r.requestedBy = actor;
        r.persist();
        audit.record(actor, kind(r) + ".request", room.id, target(r), AuditEvent.Outcome.OK,
                Map.of("merge", id.toString(), "conference", room.number));
    }

    /** REQUESTED becomes SENT (the Redirect was answered, or its outcome is unknown). */
    @Transactional
    public void sent(UUID id, String detail) {
        MergeRequest r = get(id);
        if (r.state == MergeState.REQUESTED) {
            r.state = MergeState.SENT;
            r.sentAt = OffsetDateTime.now();
            r.detail = detail;
        }
    }

    /** Records the outcome (once) and audits it: OK for DONE, FAILED for PARTIAL and FAILED. */
    @Transactional
    public void finish(MergeOutcome outcome) {
        MergeRequest r = get(outcome.id());
        if (r.state.finished()) {
            return;
        }
        r.state = outcome.state();
        r.detail = outcome.detail();
        r.finishedAt = OffsetDateTime.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("merge", r.id.toString());
        details.put("conference", outcome.room());
        details.put("state", outcome.state().name());
        details.put("detail", outcome.detail());
        audit.record(r.requestedBy, kind(r) + ".result", r.roomId, target(r),
                outcome.state() == MergeState.DONE ? AuditEvent.Outcome.OK : AuditEvent.Outcome.FAILED, details);
    }

    /** @return the request, if it exists */
    @Transactional
    public Optional<MergeRequest> find(UUID id) {
        return MergeRequest.findByIdOptional(id);
    }

    /**
     * @param limit how many, at most (1 to 500)
     * @return the latest requests, newest first
     */
    @Transactional
    public List<MergeRequest> recent(int limit) {
        return MergeRequest.<MergeRequest> find("order by createdAt desc, id").page(0, Math.max(1, Math.min(limit, 500))).list();
    }

    private static MergeRequest get(UUID id) {
        MergeRequest r = MergeRequest.findById(id);
        if (r == null) {
            throw new NotFoundException("no merge request " + id);
        }
        return r;
    }

    private static String kind(MergeRequest r) {
        return r.pull() ? "pull" : "merge";
    }

    private static String target(MergeRequest r) {
        return r.pull() ? r.channelA : r.channelA + " + " + r.channelB;
    }
}
