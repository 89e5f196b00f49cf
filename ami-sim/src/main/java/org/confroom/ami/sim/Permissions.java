package org.confroom.ami.sim;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of {@link EventClass}es: a user's read or write rights, a session's event mask or the rights an
 * action needs. Immutable.
 */
final class Permissions {
    static final Permissions NONE = new Permissions(EnumSet.noneOf(EventClass.class));
    static final Permissions ALL = new Permissions(EnumSet.allOf(EventClass.class));

    private final Set<EventClass> classes;

    private Permissions(Set<EventClass> classes) {
        this.classes = classes;
    }

    static Permissions of(EventClass... classes) {
        EnumSet<EventClass> set = EnumSet.noneOf(EventClass.class);
        set.addAll(java.util.List.of(classes));
        return new Permissions(set);
    }

    /**
     * Parses a manager.conf list such as {@code call,system,reporting}; {@code all} means every class,
     * {@code none} or an empty text none. Unknown names are ignored, as Asterisk does.
     */
    static Permissions parse(String text) {
        EnumSet<EventClass> set = EnumSet.noneOf(EventClass.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.equalsIgnoreCase("all")) {
                return ALL;
            }
            EventClass.byName(p).ifPresent(set::add);
        }
        return new Permissions(set);
    }

    /**
     * Parses an event mask as the {@code Events} header of Login and the {@code EventMask} header of the
     * Events action: {@code on} is every class, {@code off} none, otherwise a class list.
     */
    static Permissions parseEventMask(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("on") || t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("true")) {
            return ALL;
        }
        if (t.equalsIgnoreCase("off") || t.equalsIgnoreCase("no") || t.equalsIgnoreCase("false")) {
            return NONE;
        }
        return parse(t);
    }

    boolean contains(EventClass c) {
        return classes.contains(c);
    }

    boolean isEmpty() {
        return classes.isEmpty();
    }

    /** @return true when the two sets share a class ("any one listed class suffices") */
    boolean intersects(Permissions other) {
        for (EventClass c : other.classes) {
            if (classes.contains(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return classes.stream().map(EventClass::wireName).collect(Collectors.joining(","));
    }
}
