package org.confroom.ami.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.HeaderWriter;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiEncodingException;

/**
 * One {@code /rawman} request: {@code action=<name>&actionid=<id>} followed by the action's headers
 * as URL query parameters, in wire order, repeated keys repeated ({@code Variable}). Every header is
 * checked with {@link AmiEncoder#validate} while the request is built, so a refused value fails
 * before anything is sent.
 *
 * <p>Asterisk turns each parameter back into a {@code key: value} header and looks headers up
 * case-insensitively, so keys are sent as the action wrote them (the recordings use lower case,
 * which works the same). Values are percent-encoded as UTF-8; a space becomes {@code %20} and a
 * {@code +} becomes {@code %2B}, because Asterisk's legacy URI decoding reads a bare {@code +} as a space.
 */
final class RawmanRequest {
    /** Header values that must never appear in logs. */
    private static final List<String> SECRET_KEYS = List.of("secret", "key");

    private final String action;
    private final String actionId;
    private final List<Map.Entry<String, String>> parameters;

    private RawmanRequest(String action, String actionId, List<Map.Entry<String, String>> parameters) {
        this.action = action;
        this.actionId = actionId;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * Builds and validates the request for an action.
     *
     * @param action the action
     * @param actionId the client's ActionID for it
     * @return the request
     * @throws org.confroom.ami.codec.AmiEncodingException naming the first refused header
     */
    static RawmanRequest of(AmiAction action, String actionId) {
        Objects.requireNonNull(actionId, "actionId");
        AmiEncoder.validate("Action", action.name());
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("action", action.name()));
        params.add(Map.entry("actionid", actionId));
        action.writeHeaders(new ValidatingWriter(params));
        return new RawmanRequest(action.name(), actionId, params);
    }

    /** @return the action name */
    String action() {
        return action;
    }

    /** @return the ActionID sent with it */
    String actionId() {
        return actionId;
    }

    /** @return the parameters in order, {@code action} and {@code actionid} first */
    List<Map.Entry<String, String>> parameters() {
        return parameters;
    }

    /** @return the encoded query string, without the leading {@code ?} */
    String query() {
        return join(false);
    }

    /** @return the query string with secrets and MD5 keys replaced by {@code ***}, for logs */
    String loggableQuery() {
        return join(true);
    }

    private String join(boolean mask) {
        StringBuilder sb = new StringBuilder(64);
        for (Map.Entry<String, String> p : parameters) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            boolean secret = mask && SECRET_KEYS.contains(p.getKey().toLowerCase(Locale.ROOT));
            sb.append(encode(p.getKey())).append('=').append(secret ? "***" : encode(p.getValue()));
        }
        return sb.toString();
    }

    /**
     * Percent-encodes a key or value: RFC 3986 unreserved characters and {@code / @ : ,} stay as
     * they are (as in the recordings), everything else becomes {@code %XX} of its UTF-8 bytes.
     */
    static String encode(String s) {
        StringBuilder sb = null;
        byte[] bytes = null;
        for (int i = 0; i < s.length(); i++) {
            if (!isPlain(s.charAt(i))) {
                bytes = s.getBytes(StandardCharsets.UTF_8);
                sb = new StringBuilder(bytes.length + 16);
                break;
            }
        }
        if (sb == null) {
            return s;
        }
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && isPlain(c)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == '@' || c == ':' || c == ',';
    }

    @Override
    public String toString() {
        return "RawmanRequest[" + loggableQuery() + "]";
    }

    /** Validates each header as the action writes it. */
    private static final class ValidatingWriter implements HeaderWriter {
        private final List<Map.Entry<String, String>> params;

        ValidatingWriter(List<Map.Entry<String, String>> params) {
            this.params = params;
        }

        @Override
        public HeaderWriter add(String key, String value) {
            AmiEncoder.validate(key, value);
            if (key.equalsIgnoreCase("Action") || key.equalsIgnoreCase("ActionID")) {
                throw new AmiEncodingException(key, "AMI header '" + key + "' is written by the client, not by the action");
            }
            params.add(Map.entry(key, value));
            return this;
        }
    }
}
