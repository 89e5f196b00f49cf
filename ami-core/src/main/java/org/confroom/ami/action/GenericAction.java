package org.confroom.ami.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any action with any headers, for actions that have no typed class. Headers keep their order and
 * may repeat ({@code Variable}). {@code Action} and {@code ActionID} are refused: the client writes
 * them itself so that ActionIDs stay unique per connection.
 */
public final class GenericAction implements AmiAction {
    private final String name;
    private final List<Map.Entry<String, String>> headers;

    private GenericAction(String name, List<Map.Entry<String, String>> headers) {
        this.name = name;
        this.headers = List.copyOf(headers);
    }

    /**
     * @param name the action name
     * @return an action without headers
     */
    public static GenericAction of(String name) {
        Objects.requireNonNull(name, "name");
        return new GenericAction(name, List.of());
    }

    /**
     * @return a copy of this action with one more header
     * @throws IllegalArgumentException for {@code Action} or {@code ActionID}
     */
    public GenericAction with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value of " + key);
        if (key.equalsIgnoreCase("Action") || key.equalsIgnoreCase("ActionID")) {
            throw new IllegalArgumentException("header '" + key + "' is written by the client, not by the action");
        }
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(key, value));
        return new GenericAction(name, copy);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the headers in order */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        for (Map.Entry<String, String> h : headers) {
            out.add(h.getKey(), h.getValue());
        }
    }

    @Override
    public String toString() {
        return "GenericAction[" + name + ", " + headers + "]";
    }
}
