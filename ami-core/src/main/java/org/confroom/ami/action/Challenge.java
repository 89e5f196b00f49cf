package org.confroom.ami.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code Challenge AuthType: MD5}: asks for a challenge string; answer it with
 * {@link Login#md5(String, String, String)} and the key from {@link #md5Key(String, String)}.
 * Asterisk 22 knows only MD5 (SHA1 is answered with an error, transcript 21).
 *
 * @param authType the digest type, {@code MD5}
 */
public record Challenge(String authType) implements AmiAction {
    /** @return an MD5 challenge request */
    public static Challenge md5() {
        return new Challenge("MD5");
    }

    /**
     * @param challenge the {@code Challenge:} value of the response
     * @param secret the manager secret
     * @return lower-case hex MD5 of challenge followed by secret
     */
    public static String md5Key(String challenge, String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] d = md.digest((challenge + secret).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    @Override
    public String name() {
        return "Challenge";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("AuthType", authType);
    }
}
