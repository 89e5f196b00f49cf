package org.confroom.ami.sim;

import java.nio.charset.StandardCharsets;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiMessage;

/** An event encoded once for every session that receives it; the text form is made only for filters. */
final class EncodedEvent {
    private final byte[] bytes;
    private String text;

    EncodedEvent(AmiMessage message) {
        this.bytes = AmiEncoder.encode(message);
    }

    byte[] bytes() {
        return bytes;
    }

    /** @return the wire text, as Asterisk matches event filters against it */
    String text() {
        if (text == null) {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }
}
