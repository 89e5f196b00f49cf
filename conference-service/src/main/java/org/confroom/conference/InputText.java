package org.confroom.conference;

/** Rules for free text that operators type (names, notes, searches). */
public final class InputText {
    private InputText() {
    }

    /**
     * Refuses control characters: PostgreSQL keeps no NUL in text, and a line break in a one-line value
     * would break every page and export that shows it.
     *
     * @param field the input field, for the message
     * @param value the text (not null)
     * @param linesAllowed true for multi-line text (notes): line breaks and tabs are then allowed
     * @throws ValidationException naming {@code field} at the first control character, line or paragraph separator
     */
    public static void refuseControlCharacters(String field, String value, boolean linesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if ((Character.isISOControl(c) && !(linesAllowed && lineBreakOrTab))
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                throw new ValidationException(field, String.format("contains a control character (U+%04X)%s", (int) c,
                        linesAllowed ? "; only line breaks and tabs are allowed" : "; it must fit on one line"));
            }
        }
    }
}
