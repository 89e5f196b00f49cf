package org.confroom.ami.action;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code UserEvent}: asks Asterisk to broadcast {@code Event: UserEvent} with the given name and
 * headers to every session that reads class {@code user}. Needs write class {@code user}.
 * Build with {@link #of(String)} and {@link #with(String, String)}; headers keep their order.
 */
public final class UserEvent implements AmiAction {
    private final String userEvent;
    private final GenericAction headers;

    private UserEvent(String userEvent, GenericAction headers) {
        this.userEvent = userEvent;
        this.headers = headers;
    }

    /**
     * @param userEvent the name receivers see in the {@code UserEvent:} header
     * @return a user event without extra headers
     */
    public static UserEvent of(String userEvent) {
        return new UserEvent(Require.nonEmpty(userEvent, "userEvent"), GenericAction.of("UserEvent"));
    }

    /**
     * @return a copy with one more header
     * @throws IllegalArgumentException for {@code Action}, {@code ActionID} or {@code UserEvent}
     */
    public UserEvent with(String key, String value) {
        Objects.requireNonNull(key, "key");
        if (key.equalsIgnoreCase("UserEvent")) {
            throw new IllegalArgumentException("header 'UserEvent' is the event name; pass it to UserEvent.of");
        }
        return new UserEvent(userEvent, headers.with(key, value));
    }

    /** @return the event name */
    public String userEvent() {
        return userEvent;
    }

    /** @return the extra headers in order, without {@code UserEvent} */
    public List<Map.Entry<String, String>> headers() {
        return headers.headers();
    }

    @Override
    public String name() {
        return "UserEvent";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("UserEvent", userEvent);
        headers.writeHeaders(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserEvent u && u.userEvent.equals(userEvent) && u.headers().equals(headers());
    }

    @Override
    public int hashCode() {
        return 31 * userEvent.hashCode() + headers().hashCode();
    }

    @Override
    public String toString() {
        return "UserEvent[" + userEvent + ", " + headers() + "]";
    }
}
