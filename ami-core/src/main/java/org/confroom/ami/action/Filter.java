package org.confroom.ami.action;

import java.util.Objects;

/**
 * {@code Filter Operation: Add Filter: <regex>}: with an include filter Asterisk sends only matching
 * events ({@code !regex} excludes). Needs write class {@code system}. Responses and event-list items
 * are not filtered; the filter lives until the session ends, so clients re-send it after a reconnect.
 *
 * @param filter the filter expression, for example {@code Event: Confbridge*}
 */
public record Filter(String filter) implements AmiAction {
    /** Requires a filter. */
    public Filter {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public String name() {
        return "Filter";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Operation", "Add").add("Filter", filter);
    }
}
