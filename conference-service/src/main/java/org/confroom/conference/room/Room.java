package org.confroom.conference.room;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A conference room: a ConfBridge conference on one PBX, with its profiles and caller id. */
@Entity
@Table(name = "room")
public class Room extends PanacheEntityBase {
    /** Database id. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The PBX row. */
    @Column(name = "pbx_id", nullable = false)
    public Long pbxId;

    /** Conference name and extension, digits only, unique per PBX. */
    @Column(nullable = false)
    public String number;

    /** Display name. */
    @Column(nullable = false)
    public String name;

    /** confbridge.conf bridge profile. */
    @Column(name = "bridge_profile", nullable = false)
    public String bridgeProfile = "default_bridge";

    /** confbridge.conf user profile for participants. */
    @Column(name = "user_profile", nullable = false)
    public String userProfile = "default_user";

    /** Member cap, or null for the bridge profile's own. */
    @Column(name = "max_members")
    public Integer maxMembers;

    /** Caller id name shown to invited phones. */
    @Column(name = "caller_id_name")
    public String callerIdName;

    /** Caller id number shown to invited phones. */
    @Column(name = "caller_id_num")
    public String callerIdNum;

    /** PIN for dial-in callers, or null. */
    public String pin;

    /** When it was archived; archived rooms keep their history and cannot be dialled. */
    @Column(name = "archived_at")
    public OffsetDateTime archivedAt;

    /** Creation time. */
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Last change. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /** Optimistic lock: two operators editing the same room do not overwrite each other. */
    @Version
    public int version;

    /** @return true when archived */
    public boolean archived() {
        return archivedAt != null;
    }
}
