package org.confroom.ami.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AMI message: an ordered list of {@code Key: value} headers, repeated keys kept in order
 * ({@code Variable}, {@code ChanVariable(...)}, {@code Output}). Immutable and thread-safe.
 *
 * <p>Keys are compared case-insensitively, as Asterisk does; lookups return the first occurrence,
 * which is also the one Asterisk itself uses. Command output of the old {@code Response: Follows}
 * form is kept apart from the headers and returned by {@link #outputLines()} together with any
 * {@code Output:} headers of the Asterisk 22 form.
 *
 * <p>A decoded message keeps its values as the UTF-8 bytes they arrived in and makes a {@code String} of
 * a value only when it is asked for (the name eagerly): most events are routed and counted by a few
 * headers, and fewer, larger objects are cheaper to allocate, queue and collect.
 */
public final class AmiMessage implements AmiFrame {
    private static final String[] NO_LINES = new String[0];

    private final MessageType type;
    private final String[] keys;
    private final String name;
    /** The values' UTF-8 bytes back to back, and where each one ends; null for a message built from strings. */
    private final byte[] valueBytes;
    private final int[] valueEnds;
    /** Values made into strings so far; a racy cache of immutable strings, so a miss only costs a decode. */
    private volatile String[] values;
    private final int size;
    private final String[] followsOutput;

    AmiMessage(MessageType type, String[] keys, String[] values, int size, String[] followsOutput) {
        this.type = type;
        this.keys = keys;
        this.name = values[0];
        this.valueBytes = null;
        this.valueEnds = null;
        this.values = values;
        this.size = size;
        this.followsOutput = followsOutput;
    }

    /**
     * A decoded message.
     *
     * @param name the first value, already decoded
     * @param valueBytes every value's bytes back to back
     * @param valueEnds the end offset of value {@code i} in {@code valueBytes}
     */
    AmiMessage(MessageType type, String[] keys, String name, byte[] valueBytes, int[] valueEnds, int size,
               String[] followsOutput) {
        this.type = type;
        this.keys = keys;
        this.name = name;
        this.valueBytes = valueBytes;
        this.valueEnds = valueEnds;
        this.size = size;
        this.followsOutput = followsOutput;
    }

    private String value(int i) {
        if (i == 0) {
            return name;
        }
        String[] v = values;
        if (v == null) {
            v = new String[size];
            values = v;
        }
        String s = v[i];
        if (s == null) {
            int from = valueEnds[i - 1];
            // the JDK's UTF-8 decoder has an ASCII fast path and replaces invalid bytes with U+FFFD
            s = new String(valueBytes, from, valueEnds[i] - from, StandardCharsets.UTF_8);
            v[i] = s;
        }
        return s;
    }

    /**
     * Builds a message from alternating keys and values, for tests and for servers.
     *
     * @param keysAndValues key, value, key, value, ...; the first key decides the type
     * @return the message
     */
    public static AmiMessage of(String... keysAndValues) {
        if (keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("need a non-empty list of key, value pairs");
        }
        Builder b = builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return b.build();
    }

    /** @return a builder for a message whose type is decided by its first header */
    public static Builder builder() {
        return new Builder();
    }

    /** @return what this message is, from its first header */
    public MessageType type() {
        return type;
    }

    /**
     * @return the value of the first header: the event name for an event, the status
     *     ({@code Success}, {@code Error}, {@code Follows}, {@code Goodbye}) for a response, the action
     *     name for an action
     */
    public String name() {
        return name;
    }

    /** @return true when this is an event with the given name (case-insensitive) */
    public boolean isEvent(String eventName) {
        return type == MessageType.EVENT && name.equalsIgnoreCase(eventName);
    }

    /** @return the number of headers, repeated ones counted each time */
    public int size() {
        return size;
    }

    /** @return the key of header {@code index}, as it was on the wire */
    public String keyAt(int index) {
        return keys[checkIndex(index)];
    }

    /** @return the value of header {@code index} */
    public String valueAt(int index) {
        return value(checkIndex(index));
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("header " + index + " of " + size);
        }
        return index;
    }

    private int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            String k = keys[i];
            // decoded keys are interned by the decoder, so the identity check usually hits
            if (k == key || k.equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }

    /** @return true when the message has at least one header with this key (case-insensitive) */
    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    /** @return the value of the first header with this key, if any */
    public Optional<String> get(String key) {
        int i = indexOf(key);
        return i < 0 ? Optional.empty() : Optional.of(value(i));
    }

    /** @return the value of the first header with this key, or {@code fallback} */
    public String getOr(String key, String fallback) {
        int i = indexOf(key);
        return i < 0 ? fallback : value(i);
    }

    /** @return the value of the first header with this key, or the empty string when it is absent */
    public String text(String key) {
        return getOr(key, "");
    }

    /** @return every value of this key in wire order (empty when absent) */
    public List<String> getAll(String key) {
        List<String> out = null;
        for (int i = 0; i < size; i++) {
            if (keys[i] == key || keys[i].equalsIgnoreCase(key)) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(value(i));
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** @return the {@code ActionID} header, if any */
    public Optional<String> actionId() {
        return get("ActionID");
    }

    /**
     * @return command output lines: the {@code Output:} headers of Asterisk 12 and later, followed by
     *     the body of an old {@code Response: Follows} block (without {@code --END COMMAND--})
     */
    public List<String> outputLines() {
        List<String> fromHeaders = getAll("Output");
        if (followsOutput.length == 0) {
            return fromHeaders;
        }
        List<String> all = new ArrayList<>(fromHeaders);
        all.addAll(Arrays.asList(followsOutput));
        return Collections.unmodifiableList(all);
    }

    /** @return true when the message carried an old-style {@code Response: Follows} output block */
    public boolean hasFollowsBlock() {
        return followsOutput.length > 0;
    }

    /** @return the headers as a map of first values, in wire order; repeated keys keep their first value */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.putIfAbsent(keys[i], value(i));
        }
        return map;
    }

    String[] followsOutputRaw() {
        return followsOutput;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AmiMessage)) {
            return false;
        }
        AmiMessage m = (AmiMessage) o;
        if (m.size != size || m.type != type || !Arrays.equals(followsOutput, m.followsOutput)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!keys[i].equals(m.keys[i]) || !value(i).equals(m.value(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode();
        for (int i = 0; i < size; i++) {
            h = 31 * h + keys[i].hashCode();
            h = 31 * h + value(i).hashCode();
        }
        return h;
    }

    /** @return the message as it would look on the wire, CRLF shown as line breaks */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(keys[i]).append(": ").append(value(i)).append('\n');
        }
        for (String line : followsOutput) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** Collects headers in order; {@link #build()} classifies the message by its first header. */
    public static final class Builder {
        private String[] keys = new String[16];
        private String[] values = new String[16];
        private int size;
        private List<String> output;

        private Builder() {
        }

        /**
         * Appends a header. No validation here: {@link AmiEncoder} checks what goes on the wire.
         *
         * @return this builder
         */
        public Builder add(String key, String value) {
            if (key == null || value == null) {
                throw new IllegalArgumentException("header key and value must not be null (key " + key + ")");
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        /**
         * Appends a line of old-style {@code Response: Follows} command output.
         *
         * @return this builder
         */
        public Builder addFollowsOutput(String line) {
            if (output == null) {
                output = new ArrayList<>();
            }
            output.add(line);
            return this;
        }

        /** @return the number of headers added so far */
        public int size() {
            return size;
        }

        /** @return the message; the builder must not be used afterwards */
        public AmiMessage build() {
            if (size == 0) {
                throw new IllegalStateException("a message needs at least one header");
            }
            String[] out = output == null ? NO_LINES : output.toArray(NO_LINES);
            return new AmiMessage(MessageType.ofFirstKey(keys[0]), keys, values, size, out);
        }
    }
}
