package org.confroom.conference.invite;

import org.confroom.conference.ValidationException;

/**
 * Turns what an operator typed into the number confroom stores and dials: E.164 with '+'
 * ({@code +49301234567}) or an internal extension of 2 to 8 digits. Until the directory's shared
 * number class lands, invitations and click-to-call use this interface only.
 */
public interface NumberParser {
    /**
     * @param field the input field, named in the error
     * @param input what was typed, for example {@code 030 1234567}, {@code +49 (30) 123-4567} or {@code 1001}
     * @return the normalized number
     * @throws ValidationException naming {@code field} when it is no dialable number
     */
    String parse(String field, String input);
}
