package org.confroom.ami.codec;

/**
 * Bounds that keep a misbehaving peer from exhausting memory. Input beyond a bound becomes a
 * {@link MalformedMessage} and the decoder resynchronises at the next blank line.
 *
 * @param maxLineLength longest line in bytes, terminator excluded
 * @param maxHeaders most header lines (and command output lines) in one message
 * @param maxMessageBytes most bytes of one message, every line with its line end counted; without it
 *     the two bounds above would let one message hold {@code maxLineLength * maxHeaders} bytes
 */
public record DecoderLimits(int maxLineLength, int maxHeaders, int maxMessageBytes) {
    /** 64 KiB lines, 10,000 headers, 4 MiB messages: far above anything Asterisk 22 sends. */
    public static final DecoderLimits DEFAULT = new DecoderLimits(64 * 1024, 10_000, 4 * 1024 * 1024);

    /** Validates the bounds. */
    public DecoderLimits {
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("maxLineLength must be at least 64 bytes, was " + maxLineLength);
        }
        if (maxHeaders < 1) {
            throw new IllegalArgumentException("maxHeaders must be at least 1, was " + maxHeaders);
        }
        if (maxMessageBytes < maxLineLength) {
            throw new IllegalArgumentException("maxMessageBytes must be at least maxLineLength (" + maxLineLength
                    + "), was " + maxMessageBytes);
        }
    }

    /**
     * Limits whose message size follows from the other two (every header at the longest line), for
     * small test limits.
     *
     * @param maxLineLength longest line in bytes
     * @param maxHeaders most header lines in one message
     */
    public DecoderLimits(int maxLineLength, int maxHeaders) {
        this(maxLineLength, maxHeaders, (int) Math.min(Integer.MAX_VALUE - 8, (long) (maxLineLength + 2) * maxHeaders));
    }
}
