package org.confroom.ami.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the bytes of one AMI message, header by header, refusing anything that could change the
 * framing. Use one encoder per message: {@link #header} validates and appends, {@link #toBytes()}
 * adds the blank line. Nothing is concatenated from raw text: every key and value is checked first.
 */
public final class AmiEncoder {
    private static final byte[] CRLF = {'\r', '\n'};

    private byte[] buf;
    private int len;

    /** Creates an encoder with a small initial buffer. */
    public AmiEncoder() {
        this.buf = new byte[256];
    }

    /**
     * Checks that a header can go on the wire.
     *
     * @throws AmiEncodingException naming the header when the key is empty or blank-padded, contains
     *     ':' or a control line character, the value contains CR, LF or NUL, or either has an unpaired
     *     UTF-16 surrogate (which cannot be sent as UTF-8)
     */
    public static void validate(String key, String value) {
        if (key == null || key.isEmpty()) {
            throw new AmiEncodingException("", "AMI header key must not be empty" + (value == null ? "" : " (value '" + printable(value) + "')"));
        }
        if (value == null) {
            throw new AmiEncodingException(key, "AMI header '" + printable(key) + "' has no value");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c == ':') {
                throw new AmiEncodingException(key, "AMI header key '" + printable(key) + "' contains " + describe(c)
                        + " at index " + i + "; refusing to send it");
            }
        }
        if (key.charAt(0) == ' ' || key.charAt(key.length() - 1) == ' ') {
            throw new AmiEncodingException(key, "AMI header key '" + key + "' starts or ends with a space");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new AmiEncodingException(key, "AMI header '" + key + "' value contains " + describe(c)
                        + " at index " + i + " ('" + printable(value) + "'); refusing to send it");
            }
        }
        // UTF-8 has no form for half a surrogate pair: the JDK would silently send '?' instead
        int k = unpairedSurrogate(key);
        if (k >= 0) {
            throw new AmiEncodingException(key, "AMI header key '" + printable(key)
                    + "' has an unpaired UTF-16 surrogate at index " + k + "; refusing to send it");
        }
        int v = unpairedSurrogate(value);
        if (v >= 0) {
            throw new AmiEncodingException(key, "AMI header '" + key + "' value has an unpaired UTF-16 surrogate at index "
                    + v + " ('" + printable(value) + "'); refusing to send it");
        }
    }

    /** @return the index of the first surrogate that is not part of a high-low pair, or -1 */
    private static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        switch (c) {
            case '\r': return "CR (0x0D)";
            case '\n': return "LF (0x0A)";
            case 0: return "NUL (0x00)";
            default: return "'" + c + "'";
        }
    }

    /** @return the text with CR, LF and NUL shown as escapes, cut to 80 characters, for error messages */
    static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    /**
     * Appends one validated header.
     *
     * @return this encoder
     * @throws AmiEncodingException if the header is refused; the encoder is then unchanged
     */
    public AmiEncoder header(String key, String value) {
        validate(key, value);
        put(key);
        put(": ");
        put(value);
        ensure(2);
        buf[len++] = CRLF[0];
        buf[len++] = CRLF[1];
        return this;
    }

    /**
     * Encodes a whole message (every header, in order) including the terminating blank line.
     *
     * @throws AmiEncodingException if any header is refused
     */
    public static byte[] encode(AmiMessage message) {
        AmiEncoder e = new AmiEncoder();
        for (int i = 0; i < message.size(); i++) {
            e.header(message.keyAt(i), message.valueAt(i));
        }
        for (String line : message.followsOutputRaw()) {
            // only for simulators replaying the old Command format; same rules as a header value
            validate("Output", line);
            e.put(line);
            e.ensure(2);
            e.buf[e.len++] = '\r';
            e.buf[e.len++] = '\n';
        }
        if (message.hasFollowsBlock()) {
            e.put("--END COMMAND--\r\n");
        }
        return e.toBytes();
    }

    /** @return the message bytes, ending with the blank line */
    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(buf, len + 2);
        out[len] = '\r';
        out[len + 1] = '\n';
        return out;
    }

    /** @return the number of bytes so far, without the final blank line */
    public int length() {
        return len;
    }

    private void put(String s) {
        int n = s.length();
        ensure(n);
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }

    private void ensure(int extra) {
        if (len + extra + 2 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra + 2));
        }
    }
}
