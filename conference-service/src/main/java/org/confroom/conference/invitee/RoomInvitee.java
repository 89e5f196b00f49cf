package org.confroom.conference.invitee;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A contact that belongs to a room: who is dialled when the room is called together, and in which role. */
@Entity
@Table(name = "room_invitee")
@IdClass(RoomInvitee.Key.class)
public class RoomInvitee extends PanacheEntityBase {
    /** The room. */
    @Id
    @Column(name = "room_id")
    public Long roomId;

    /** The contact. */
    @Id
    @Column(name = "contact_id")
    public Long contactId;

    /** Role in the conference. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InviteeRole role = InviteeRole.PARTICIPANT;

    /** True when "call everyone" dials this contact. */
    @Column(name = "auto_dial", nullable = false)
    public boolean autoDial = true;

    /** When the contact was added. */
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** The composite primary key (room, contact). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The room. */
        public Long roomId;
        /** The contact. */
        public Long contactId;

        /** For JPA. */
        public Key() {
        }

        /**
         * @param roomId the room
         * @param contactId the contact
         */
        public Key(Long roomId, Long contactId) {
            this.roomId = roomId;
            this.contactId = contactId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.roomId, roomId) && Objects.equals(k.contactId, contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roomId, contactId);
        }
    }
}
