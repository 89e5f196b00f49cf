package org.confroom.ami.codec;

/**
 * A block of input the decoder could not turn into a message. The decoder skipped it up to the next
 * blank line and goes on with the next message; the connection stays usable.
 *
 * @param reason what was wrong, for logs and for the listener
 * @param excerpt the start of the offending input (at most a few hundred characters)
 */
public record MalformedMessage(String reason, String excerpt) implements AmiFrame {
}
