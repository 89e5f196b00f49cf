package org.confroom.ami.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Incremental AMI decoder over bytes. Feed it input in chunks of any size, split anywhere; it hands
 * out {@link AmiFrame}s in order. Not thread-safe: one decoder per connection, fed by one thread.
 *
 * <p>States:
 * <pre>
 *   BANNER ──first line──▶ HEADERS ──blank line──▶ (message out) HEADERS
 *                           │  Response: Follows + a line without "Key:"
 *                           ▼
 *                        FOLLOWS_OUTPUT ──"...--END COMMAND--"──▶ FOLLOWS_END ──blank──▶ (message out)
 *   any state ──limit exceeded / line without ':'──▶ (malformed out) SKIP_MESSAGE ──blank line──▶ HEADERS
 * </pre>
 *
 * <p>Memory is bounded whatever the peer sends: one line buffer of at most {@link DecoderLimits#maxLineLength},
 * the message being decoded (at most {@link DecoderLimits#maxMessageBytes}), and caches of short header
 * names and message names only (a long name is decoded afresh every time, never kept).
 *
 * <p>Lines end at CRLF or at a bare LF, as in Asterisk's own parser; a CR that is not followed by LF
 * stays in the value (transcript 17 shows Asterisk echoing one). Bytes that are not valid UTF-8
 * become U+FFFD and never raise an error. Blank lines between messages are skipped.
 */
public final class AmiDecoder {
    /** Receives decoded frames. */
    @FunctionalInterface
    public interface FrameSink {
        /** Called once per frame, in input order, on the thread that feeds the decoder. */
        void accept(AmiFrame frame);

        /**
         * Asked before the decoder builds an event that carries no {@code ActionID} (so it answers no
         * action). Returning false skips it: no message is built and {@link #accept} is not called for
         * it. A client whose event queue is full uses this not to build events it would drop anyway.
         *
         * @param name the event name
         * @return true (the default) to receive the event
         */
        default boolean wantsEvent(String name) {
            return true;
        }
    }

    private enum State { BANNER, HEADERS, FOLLOWS_OUTPUT, FOLLOWS_END, SKIP_MESSAGE }

    private static final byte LF = '\n';
    private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long COLON_BYTES = 0x3A3A3A3A3A3A3A3AL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte CR = '\r';
    private static final String END_COMMAND = "--END COMMAND--";
    private static final String ACTION_ID = "ActionID";
    private static final String[] NO_LINES = new String[0];
    private static final int EXCERPT_CHARS = 240;
    private static final int KEY_CACHE_SLOTS = 512;
    private static final int NAME_CACHE_SLOTS = 256;
    private static final int SHRINK_ABOVE = 1 << 20;
    /** Longest header name or message name kept in the caches; Asterisk's longest is under 40. */
    private static final int MAX_CACHED_NAME = 64;
    /** Most header names of a message whose names array is shared with later messages. */
    private static final int MAX_SHARED_NAMES = 128;

    private final DecoderLimits limits;
    private State state;

    private byte[] line = new byte[512];
    private int lineLength;
    private boolean lineTooLong;

    private String[] keys = new String[32];
    // the values of the message being decoded: UTF-8 bytes back to back, and where each one ends
    private byte[] valueBytes = new byte[2048];
    private int valueLength;
    private int[] valueEnds = new int[32];
    private String name;
    private int count;
    private boolean follows;
    private List<String> followsOutput;
    private long messageBytes;

    private final CachedKey[] keyCache = new CachedKey[KEY_CACHE_SLOTS];
    private final String[] nameCache = new String[NAME_CACHE_SLOTS];
    private final String[][] namesCache = new String[NAME_CACHE_SLOTS][];
    private MessageType type;
    private long messages;
    private long malformed;

    /**
     * @param limits line and header bounds
     * @param expectBanner true for the client side of a TCP connection, where the first line is the banner
     */
    public AmiDecoder(DecoderLimits limits, boolean expectBanner) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.state = expectBanner ? State.BANNER : State.HEADERS;
    }

    /** @return a decoder for what a server sends on a new TCP connection (banner first), default limits */
    public static AmiDecoder forServerStream() {
        return new AmiDecoder(DecoderLimits.DEFAULT, true);
    }

    /** @return a decoder for a stream without banner: client requests, HTTP bodies; default limits */
    public static AmiDecoder withoutBanner() {
        return new AmiDecoder(DecoderLimits.DEFAULT, false);
    }

    /** @return well-formed messages handed out so far */
    public long messageCount() {
        return messages;
    }

    /** @return malformed frames handed out so far */
    public long malformedCount() {
        return malformed;
    }

    /** Decodes a whole input at once, convenient for tests and HTTP bodies; ends the input too. */
    public List<AmiFrame> decodeAll(byte[] input) {
        List<AmiFrame> out = new ArrayList<>();
        feed(input, 0, input.length, out::add);
        endOfInput(out::add);
        return out;
    }

    /**
     * Feeds a chunk of input.
     *
     * @param buf bytes
     * @param off first byte
     * @param len number of bytes
     * @param sink receives every frame completed by this chunk
     */
    public void feed(byte[] buf, int off, int len, FrameSink sink) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int i = off;
        int end = off + len;
        while (i < end) {
            int lf = indexOf(buf, i, end, LF_BYTES);
            if (lf < 0) {
                append(buf, i, end);
                return;
            }
            if (lineLength == 0 && !lineTooLong) {
                lineTooLong = contentLength(buf, i, lf) > limits.maxLineLength();
                lineEnded(buf, i, lf, sink);
            } else {
                append(buf, i, lf);
                lineTooLong |= contentLength(line, 0, lineLength) > limits.maxLineLength();
                lineEnded(line, 0, lineLength, sink);
            }
            lineLength = 0;
            lineTooLong = false;
            i = lf + 1;
        }
    }

    /**
     * Signals the end of the input (connection closed). A message cut off in the middle is reported
     * as malformed; the decoder is then ready for a fresh stream in the same state.
     */
    public void endOfInput(FrameSink sink) {
        boolean pending = count > 0 || lineLength > 0 || lineTooLong
                || state == State.FOLLOWS_OUTPUT || state == State.FOLLOWS_END;
        if (pending && state != State.SKIP_MESSAGE && state != State.BANNER) {
            String partial = lineLength > 0 ? new String(line, 0, Math.min(lineLength, EXCERPT_CHARS), StandardCharsets.UTF_8) : "";
            reject("input ended inside a message", partial, sink);
        }
        resetMessage();
        lineLength = 0;
        lineTooLong = false;
        if (state != State.BANNER) {
            state = State.HEADERS;
        }
    }

    /**
     * @return the index of the first byte {@code target} in {@code [from, to)}, or -1; {@code pattern} is
     *     that byte repeated in every byte of a long
     */
    private static int indexOf(byte[] buf, int from, int to, long pattern) {
        int i = from;
        // eight bytes at a time: the classic "has a zero byte" test on the word XOR the pattern;
        // its lowest set bit marks the first match
        for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
            long x = (long) LONGS.get(buf, i) ^ pattern;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        byte target = (byte) pattern;
        for (; i < to; i++) {
            if (buf[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** @return the length of a line without the CR of its CRLF: the length the limit applies to */
    private static int contentLength(byte[] b, int s, int e) {
        return e > s && b[e - 1] == CR ? e - s - 1 : e - s;
    }

    private void append(byte[] buf, int from, int to) {
        if (lineTooLong) {
            return;
        }
        int n = to - from;
        // one byte more than the limit: it may be the CR of a CRLF that arrives in the next chunk
        if (lineLength + n > limits.maxLineLength() + 1) {
            lineTooLong = true;
            return;
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, lineLength + n), limits.maxLineLength() + 1));
        }
        System.arraycopy(buf, from, line, lineLength, n);
        lineLength += n;
    }

    private void lineEnded(byte[] b, int s, int e, FrameSink sink) {
        if (lineTooLong) {
            if (state == State.BANNER) {
                state = State.HEADERS;
            }
            if (state != State.SKIP_MESSAGE) {
                reject("line longer than " + limits.maxLineLength() + " bytes", "", sink);
            }
            return;
        }
        if (e > s && b[e - 1] == CR) {
            e--;
        }
        if (e > s && state != State.BANNER && state != State.SKIP_MESSAGE) {
            messageBytes += e - s + 2;
            if (messageBytes > limits.maxMessageBytes()) {
                reject("message longer than " + limits.maxMessageBytes() + " bytes", "", sink);
                return;
            }
        }
        switch (state) {
            case BANNER -> {
                state = State.HEADERS;
                sink.accept(new Banner(text(b, s, e)));
            }
            case HEADERS -> headerLine(b, s, e, sink);
            case FOLLOWS_OUTPUT -> followsLine(b, s, e, sink);
            case FOLLOWS_END -> {
                if (e == s) {
                    emit(sink);
                } else {
                    state = State.HEADERS;
                    headerLine(b, s, e, sink);
                }
            }
            case SKIP_MESSAGE -> {
                if (e == s) {
                    state = State.HEADERS;
                }
            }
        }
    }

    private void headerLine(byte[] b, int s, int e, FrameSink sink) {
        if (e == s) {
            if (count > 0) {
                emit(sink);
            }
            return;
        }
        int colon = indexOf(b, s, e, COLON_BYTES);
        if (colon < 0 || colon == s) {
            if (follows) {
                state = State.FOLLOWS_OUTPUT;
                followsLine(b, s, e, sink);
            } else {
                reject(colon < 0 ? "header line without ':'" : "header line with an empty key", text(b, s, e), sink);
            }
            return;
        }
        CachedKey cached = key(b, s, colon);
        String key = cached.text;
        if (follows && !isFollowsHeader(key)) {
            // old Command output: lines such as "System uptime: 8 minutes" are output, not headers
            state = State.FOLLOWS_OUTPUT;
            followsLine(b, s, e, sink);
            return;
        }
        if (count >= limits.maxHeaders()) {
            reject("more than " + limits.maxHeaders() + " headers in one message", text(b, s, e), sink);
            return;
        }
        int v = colon + 1;
        if (v < e && b[v] == ' ') {
            v++;
        }
        int n = e - v;
        if (valueLength + n > valueBytes.length) {
            valueBytes = Arrays.copyOf(valueBytes, Math.max(valueBytes.length * 2, valueLength + n));
        }
        System.arraycopy(b, v, valueBytes, valueLength, n);
        valueLength += n;
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            valueEnds = Arrays.copyOf(valueEnds, count * 2);
        }
        keys[count] = key;
        valueEnds[count] = valueLength;
        count++;
        if (count == 1) {
            // the name (event name, response status, action) is always read: decode it now, shared when seen before
            name = firstValue(b, v, e);
            follows = cached.firstKeyType == MessageType.RESPONSE && "Follows".equalsIgnoreCase(name);
            type = cached.firstKeyType;
        }
    }

    private static boolean isFollowsHeader(String key) {
        return "Privilege".equalsIgnoreCase(key) || "ActionID".equalsIgnoreCase(key) || "Message".equalsIgnoreCase(key);
    }

    private void followsLine(byte[] b, int s, int e, FrameSink sink) {
        String text = text(b, s, e);
        if (followsOutput == null) {
            followsOutput = new ArrayList<>();
        }
        if (text.endsWith(END_COMMAND)) {
            String before = text.substring(0, text.length() - END_COMMAND.length());
            if (!before.isEmpty()) {
                followsOutput.add(before);
            }
            state = State.FOLLOWS_END;
            return;
        }
        if (count + followsOutput.size() >= limits.maxHeaders()) {
            reject("more than " + limits.maxHeaders() + " command output lines in one message", text, sink);
            return;
        }
        followsOutput.add(text);
    }

    private void emit(FrameSink sink) {
        if (type == MessageType.EVENT && !hasActionId() && !sink.wantsEvent(name)) {
            resetMessage();
            state = State.HEADERS;
            return;
        }
        String[] out = followsOutput == null ? NO_LINES : followsOutput.toArray(NO_LINES);
        AmiMessage message = new AmiMessage(type, headerNames(), name,
                Arrays.copyOf(valueBytes, valueLength), Arrays.copyOf(valueEnds, count), count, out);
        resetMessage();
        state = State.HEADERS;
        messages++;
        sink.accept(message);
    }

    private boolean hasActionId() {
        for (int i = 0; i < count; i++) {
            String k = keys[i];
            if (k == ACTION_ID || k.equalsIgnoreCase(ACTION_ID)) {
                return true;
            }
        }
        return false;
    }

    private void reject(String reason, String offendingLine, FrameSink sink) {
        StringBuilder excerpt = new StringBuilder();
        for (int i = 0; i < count && excerpt.length() < EXCERPT_CHARS; i++) {
            int from = i == 0 ? 0 : valueEnds[i - 1];
            excerpt.append(keys[i]).append(": ").append(text(valueBytes, from, valueEnds[i])).append('\n');
        }
        excerpt.append(offendingLine);
        String ex = excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS) : excerpt.toString();
        resetMessage();
        state = State.SKIP_MESSAGE;
        malformed++;
        sink.accept(new MalformedMessage(reason, ex));
    }

    private void resetMessage() {
        for (int i = 0; i < count; i++) {
            keys[i] = null;
        }
        count = 0;
        valueLength = 0;
        messageBytes = 0;
        name = null;
        if (valueBytes.length > SHRINK_ABOVE) {
            valueBytes = new byte[2048]; // after an unusually large message
        }
        follows = false;
        followsOutput = null;
    }

    private static String text(byte[] b, int s, int e) {
        // the JDK's UTF-8 decoder has an ASCII fast path and replaces invalid bytes with U+FFFD
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    /**
     * @return the header names of the current message as an array that AmiMessage keeps; the array of
     *     an earlier message with the same name and the same header names is shared (AmiMessage never
     *     changes it), so a queue of VarSet events holds one names array, not one per event
     */
    private String[] headerNames() {
        int slot = name.hashCode() & (NAME_CACHE_SLOTS - 1); // names come from the name cache: hash kept in the string
        String[] previous = namesCache[slot];
        if (previous != null && previous.length == count) {
            int i = 0;
            while (i < count && previous[i] == keys[i]) {
                i++;
            }
            if (i == count) {
                return previous;
            }
        }
        String[] names = Arrays.copyOf(keys, count);
        if (shareable(names)) {
            namesCache[slot] = names;
        }
        return names;
    }

    /** @return true when a names array is small enough to keep for later messages: few, short names */
    private static boolean shareable(String[] names) {
        if (names.length > MAX_SHARED_NAMES) {
            return false;
        }
        for (String n : names) {
            if (n.length() > MAX_CACHED_NAME) {
                return false;
            }
        }
        return true;
    }

    /** @return the first value of a message (event name, status, action), shared with earlier messages when equal */
    private String firstValue(byte[] b, int s, int e) {
        if (e - s > MAX_CACHED_NAME) {
            return text(b, s, e);
        }
        int h = 1;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (NAME_CACHE_SLOTS - 1);
        String cached = nameCache[slot];
        if (cached != null && cached.length() == e - s && sameAscii(cached, b, s, e)) {
            return cached;
        }
        String v = text(b, s, e);
        nameCache[slot] = v;
        return v;
    }

    /**
     * @return an estimate of the heap this decoder keeps between two {@link #feed} calls: buffers, the
     *     message being decoded and the caches (two bytes per char); tests check it stays bounded
     */
    long retainedBytes() {
        long total = line.length + valueBytes.length + (long) keys.length * Long.BYTES + (long) valueEnds.length * Integer.BYTES;
        for (CachedKey k : keyCache) {
            total += k == null ? 0 : k.bytes.length + 2L * k.text.length();
        }
        for (String n : nameCache) {
            total += n == null ? 0 : 2L * n.length();
        }
        for (String[] names : namesCache) {
            if (names != null) {
                total += (long) names.length * Long.BYTES;
                for (String n : names) {
                    total += n.length() > MAX_CACHED_NAME ? 2L * n.length() : 0; // short ones are in the key cache
                }
            }
        }
        if (followsOutput != null) {
            for (String o : followsOutput) {
                total += 2L * o.length();
            }
        }
        return total;
    }

    private static boolean sameAscii(String s, byte[] b, int from, int to) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the cached key for these bytes, added to the cache on a miss */
    private CachedKey key(byte[] b, int s, int e) {
        int n = e - s;
        if (n > MAX_CACHED_NAME) {
            return new CachedKey(Arrays.copyOfRange(b, s, e), text(b, s, e));
        }
        long h;
        if (n >= Long.BYTES) {
            // header names often share a prefix (LocalOneUniqueid, LocalOneLinkedid): hash both ends and the length
            h = (long) LONGS.get(b, s) * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, e - Long.BYTES) * 0xC2B2AE3D27D4EB4FL + n;
        } else {
            h = n;
            for (int i = s; i < e; i++) {
                h = h * 31 + b[i];
            }
            h *= 0x9E3779B97F4A7C15L;
        }
        int slot = (int) (h >>> 40) & (KEY_CACHE_SLOTS - 1);
        CachedKey cached = keyCache[slot];
        if (cached != null && sameBytes(cached.bytes, b, s, n)) {
            return cached;
        }
        CachedKey k = new CachedKey(Arrays.copyOfRange(b, s, e), text(b, s, e));
        keyCache[slot] = k;
        return k;
    }

    /** @return true when {@code a} equals {@code b[s, s + n)}; keys are short, so a word loop beats the mismatch intrinsic */
    private static boolean sameBytes(byte[] a, byte[] b, int s, int n) {
        if (a.length != n) {
            return false;
        }
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            if ((long) LONGS.get(a, i) != (long) LONGS.get(b, s + i)) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (a[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    /** A header name seen before: its bytes, its text and what a message starting with it is. */
    private static final class CachedKey {
        final byte[] bytes;
        final String text;
        final MessageType firstKeyType;

        CachedKey(byte[] bytes, String text) {
            this.bytes = bytes;
            // well-known names become the compile-time constant, so that lookups with a literal hit by identity
            this.text = WellKnownKeys.canonical(text);
            this.firstKeyType = MessageType.ofFirstKey(text);
        }
    }
}
