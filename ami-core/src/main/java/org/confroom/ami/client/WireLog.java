package org.confroom.ami.client;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

import org.confroom.ami.codec.AmiMessage;

/**
 * Debug log of the wire in the transcripts' format: {@code C:} lines for what the client sent,
 * {@code S:} lines for what it received. The secret of a Login never appears.
 */
final class WireLog {
    private static final System.Logger LOG = System.getLogger("org.confroom.ami.wire");

    private WireLog() {
    }

    static boolean enabled() {
        return LOG.isLoggable(Level.DEBUG);
    }

    static void sent(String connection, byte[] message) {
        StringBuilder sb = new StringBuilder(connection).append('\n');
        for (String line : new String(message, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.regionMatches(true, 0, "Secret:", 0, 7)) {
                line = "Secret: ********";
            }
            sb.append("C: ").append(line).append('\n');
        }
        LOG.log(Level.DEBUG, sb.toString());
    }

    static void received(String connection, Object frame) {
        StringBuilder sb = new StringBuilder(connection).append('\n');
        String text = frame instanceof AmiMessage m ? m.toString() : String.valueOf(frame);
        for (String line : text.split("\n")) {
            sb.append("S: ").append(line).append('\n');
        }
        LOG.log(Level.DEBUG, sb.toString());
    }
}
