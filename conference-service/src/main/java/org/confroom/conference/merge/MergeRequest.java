package org.confroom.conference.merge;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A request to move a live call (two channels) or one channel into a room, and how it ended. */
@Entity
@Table(name = "merge_request")
public class MergeRequest extends PanacheEntityBase {
    /** Request id. */
    @Id
    public UUID id;

    /** The target room. */
    @Column(name = "room_id", nullable = false)
    public Long roomId;

    /** The first channel (Redirect {@code Channel}). */
    @Column(name = "channel_a", nullable = false)
    public String channelA;

    /** The second channel (Redirect {@code ExtraChannel}); null when pulling one channel. */
    @Column(name = "channel_b")
    public String channelB;

    /** Where it stands. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MergeState state;

    /** Asterisk's answer, or what happened to each leg. */
    public String detail;

    /** Who asked. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** When it was asked for. */
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** When Asterisk accepted the Redirect. */
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** When it ended (DONE, PARTIAL, FAILED). */
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** @return true for a single-channel pull */
    public boolean pull() {
        return channelB == null;
    }
}
