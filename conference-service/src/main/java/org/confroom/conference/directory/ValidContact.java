package org.confroom.conference.directory;

/**
 * A contact that passed {@link ContactValidator}: trimmed, within the limits of the {@code contact} table.
 *
 * @param name display name
 * @param number normalized number
 * @param email e-mail address or null
 * @param notes notes or null
 */
public record ValidContact(String name, DialNumber number, String email, String notes) {

    /** Copies the values onto an entity (new or edited). */
    void applyTo(Contact contact) {
        contact.name = name;
        contact.number = number.value();
        contact.email = email;
        contact.notes = notes;
    }
}
