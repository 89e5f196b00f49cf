package org.confroom.ami.codec;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.HeaderWriter;

/** Encodes a typed action the way a client does: {@code Action}, {@code ActionID}, then its headers. */
public final class ActionBytes {
    private ActionBytes() {
    }

    /**
     * @return the bytes of the action, blank line included
     * @throws AmiEncodingException when a header is refused
     */
    public static byte[] encode(AmiAction action, String actionId) {
        AmiEncoder encoder = new AmiEncoder().header("Action", action.name()).header("ActionID", actionId);
        action.writeHeaders(new HeaderWriter() {
            @Override
            public HeaderWriter add(String key, String value) {
                encoder.header(key, value);
                return this;
            }
        });
        return encoder.toBytes();
    }

    /** @return the action as the decoder reads it back */
    public static AmiMessage message(AmiAction action, String actionId) {
        return (AmiMessage) AmiDecoder.withoutBanner().decodeAll(encode(action, actionId)).get(0);
    }
}
