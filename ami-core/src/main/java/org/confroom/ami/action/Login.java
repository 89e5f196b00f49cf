package org.confroom.ami.action;

import java.util.Objects;

/**
 * {@code Login}: plain (secret on the wire) or MD5 (key = md5hex(challenge + secret), see
 * {@link Challenge}). The event mask is sent with the login so that no event is missed in between.
 *
 * @param username manager user
 * @param secret the secret for a plain login, null for MD5
 * @param md5Key the MD5 key for a challenge login, null for plain
 * @param events event mask ({@code on}, {@code off}, classes), or null to leave Asterisk's default
 */
public record Login(String username, String secret, String md5Key, String events) implements AmiAction {
    /** Checks that exactly one of secret and key is given. */
    public Login {
        Objects.requireNonNull(username, "username");
        if ((secret == null) == (md5Key == null)) {
            throw new IllegalArgumentException("a Login needs either a secret or an MD5 key");
        }
    }

    /** @return a plain login */
    public static Login plain(String username, String secret, String events) {
        return new Login(username, Objects.requireNonNull(secret, "secret"), null, events);
    }

    /** @return an MD5 challenge login with a key from {@link Challenge#md5Key} */
    public static Login md5(String username, String key, String events) {
        return new Login(username, null, Objects.requireNonNull(key, "key"), events);
    }

    @Override
    public String name() {
        return "Login";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Username", username);
        if (md5Key != null) {
            out.add("AuthType", "MD5").add("Key", md5Key);
        } else {
            out.add("Secret", secret);
        }
        out.addIfPresent("Events", events);
    }

    @Override
    public String toString() {
        return "Login[" + username + (md5Key != null ? ", md5" : "") + ", events=" + events + "]";
    }
}
