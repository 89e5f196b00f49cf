package org.confroom.ami.codec;

/**
 * One unit handed out by {@link AmiDecoder}: the banner line, a well-formed message, or a malformed
 * block that was skipped up to the next blank line.
 */
public sealed interface AmiFrame permits Banner, AmiMessage, MalformedMessage {
}
