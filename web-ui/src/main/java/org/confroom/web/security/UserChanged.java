package org.confroom.web.security;

/** A user's name, role, password or enabled flag changed (fired inside the changing transaction). */
public record UserChanged(String username) {
}
