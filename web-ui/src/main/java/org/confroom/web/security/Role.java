package org.confroom.web.security;

import java.util.Set;

/** What a user or an API token may do. Each role includes the ones below it. */
public enum Role {
    /** Read only: rooms, live state, contacts, audit. */
    VIEWER,
    /** Also rooms, invitations, merges, moderation, contacts. */
    OPERATOR,
    /** Also users, API tokens and PBX settings. */
    ADMIN;

    /** Role names for {@code @RolesAllowed}. */
    public static final String VIEWER_NAME = "VIEWER";
    public static final String OPERATOR_NAME = "OPERATOR";
    public static final String ADMIN_NAME = "ADMIN";

    /** @return this role and every role it includes, as security identity roles */
    public Set<String> grants() {
        return switch (this) {
            case VIEWER -> Set.of(VIEWER_NAME);
            case OPERATOR -> Set.of(VIEWER_NAME, OPERATOR_NAME);
            case ADMIN -> Set.of(VIEWER_NAME, OPERATOR_NAME, ADMIN_NAME);
        };
    }

    /** @return the role named {@code name} (any case), or empty */
    public static java.util.Optional<Role> parse(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
