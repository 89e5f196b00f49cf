package org.confroom.ami.codec;

/**
 * Bounds that keep a misbehaving peer from exhausting memory. Input beyond a bound becomes a
 * {@link MalformedMessage} and the decoder resynchronises at the next blank line.
 *
 * @param maxLineLength longest line in bytes, terminator excluded
 * @param maxHeaders most header lines (and command output lines) in one message
 */
public record DecoderLimits(int maxLineLength, int maxHeaders) {
    /** 64 KiB lines and 10,000 headers: far above anything Asterisk 22 sends. */
    public static final DecoderLimits DEFAULT = new DecoderLimits(64 * 1024, 10_000);

    /** Validates the bounds. */
    public DecoderLimits {
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("maxLineLength must be at least 64 bytes, was " + maxLineLength);
        }
        if (maxHeaders < 1) {
            throw new IllegalArgumentException("maxHeaders must be at least 1, was " + maxHeaders);
        }
    }
}
