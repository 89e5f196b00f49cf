package org.confroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A block of a Markdown file between {@code <!-- name -->} and {@code <!-- /name -->}, which one harness
 * owns and rewrites while leaving the rest of the file alone.
 */
public final class MarkedSection {
    private MarkedSection() {
    }

    /** @return the block with its markers, or "" when the text has none */
    public static String find(String text, String name) {
        String begin = "<!-- " + name + " -->";
        String end = "<!-- /" + name + " -->";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        return b < 0 || e < b ? "" : text.substring(b, e + end.length());
    }

    /**
     * Replaces the block's content, or appends the block when the file has none (or does not exist).
     *
     * @return true when an existing block was replaced
     */
    public static boolean replace(Path file, String name, String content, boolean appendIfMissing) throws IOException {
        String begin = "<!-- " + name + " -->";
        String end = "<!-- /" + name + " -->";
        String text = Files.exists(file) ? Files.readString(file) : "";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            if (appendIfMissing) {
                Files.writeString(file, text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + begin + "\n" + content + end + "\n");
            }
            return false;
        }
        Files.writeString(file, text.substring(0, b + begin.length()) + "\n" + content + text.substring(e));
        return true;
    }
}
