package org.confroom.ami.action;

/** Receives the headers of an action in wire order; the transport validates and encodes them. */
@FunctionalInterface
public interface HeaderWriter {
    /**
     * Adds a header.
     *
     * @param key header name, never empty
     * @param value header value, never null
     * @return this writer
     */
    HeaderWriter add(String key, String value);

    /**
     * Adds a header only when the value is present.
     *
     * @return this writer
     */
    default HeaderWriter addIfPresent(String key, String value) {
        return value == null ? this : add(key, value);
    }

    /**
     * Adds an integer header only when it is present.
     *
     * @return this writer
     */
    default HeaderWriter addIfPresent(String key, Number value) {
        return value == null ? this : add(key, value.toString());
    }

    /**
     * Adds a boolean header as {@code true}/{@code false} only when it is present.
     *
     * @return this writer
     */
    default HeaderWriter addIfPresent(String key, Boolean value) {
        return value == null ? this : add(key, value ? "true" : "false");
    }
}
