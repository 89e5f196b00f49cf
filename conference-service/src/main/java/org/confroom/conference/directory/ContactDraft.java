package org.confroom.conference.directory;

/**
 * What an operator enters for a contact (create, edit, or one CSV row). Blank optional values mean "not set".
 *
 * @param name display name
 * @param number the number as typed; normalized by {@link NumberNormalizer}
 * @param email e-mail address, optional
 * @param notes free text, optional
 */
public record ContactDraft(String name, String number, String email, String notes) {

    /** @return a draft with only name and number */
    public static ContactDraft of(String name, String number) {
        return new ContactDraft(name, number, null, null);
    }
}
