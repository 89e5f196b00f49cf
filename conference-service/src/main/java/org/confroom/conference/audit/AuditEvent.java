package org.confroom.conference.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited command and its outcome. Written in the same transaction as the change it records. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    /** How a command ended. */
    public enum Outcome { OK, REFUSED, FAILED }

    /** Database id. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** When. */
    @Column(nullable = false)
    public OffsetDateTime at = OffsetDateTime.now();

    /** Who: a user name, {@code api:<token name>} or {@code system}. */
    @Column(nullable = false)
    public String actor;

    /** What, for example {@code room.create}, {@code invite}, {@code member.mute}. */
    @Column(nullable = false)
    public String action;

    /** The room concerned, if any. */
    @Column(name = "room_id")
    public Long roomId;

    /** The object acted on, for example a number or a channel. */
    public String target;

    /** How it ended. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** Details as JSON: input values, Asterisk's message, ids. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> details = Map.of();
}
