package org.confroom.conference.directory;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person in the phone directory: a name and one dialable number, unique in the directory. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {
    /** Database id. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Display name, 1 to 200 characters. */
    @Column(nullable = false)
    public String name;

    /** Canonical number: E.164 or an internal extension (see {@link DialNumber}); unique. */
    @Column(nullable = false)
    public String number;

    /** E-mail address, or null. */
    public String email;

    /** Free text, at most 2000 characters, or null. */
    public String notes;

    /** Creation time. */
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** Last change. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = createdAt;

    /** Optimistic lock: two operators editing the same contact do not overwrite each other. */
    @Version
    public int version;

    /** @return the number as a value */
    public DialNumber dialNumber() {
        return DialNumber.fromStored(number);
    }

    /** @return name and number for messages, for example {@code 'Alice Example' (+49 30 1234567)} */
    public String label() {
        return "'" + name + "' (" + dialNumber().display() + ")";
    }
}
