package org.confroom.ami.codec;

/**
 * A header that cannot be sent safely: empty key, or CR, LF or NUL in a key or value (Asterisk ends
 * a line at a bare LF and keeps the first copy of a header, so such input could inject headers or
 * whole actions, transcripts 17 and 18), or text without a UTF-8 form (an unpaired surrogate).
 * Nothing of the action has been written when this is thrown.
 */
public final class AmiEncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String header;

    /**
     * @param header the key of the offending header (as given, possibly empty)
     * @param message what is wrong, naming the header
     */
    public AmiEncodingException(String header, String message) {
        super(message);
        this.header = header;
    }

    /** @return the key of the header that was refused */
    public String header() {
        return header;
    }
}
