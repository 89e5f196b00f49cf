package org.confroom.conference.testsupport;

import java.util.List;
import java.util.Random;

/**
 * Random form and API input meant to break things: AMI header injection (CR, LF, NUL, bare or
 * URL-encoded), other control characters, markup and template syntax, unicode (astral, combining,
 * right-to-left, line and paragraph separators, unpaired surrogates), very long text, and valid-looking
 * values with one bad character inside. Deterministic for a given {@link Random}.
 */
public final class HostileStrings {
    private static final List<String> SEEDS = List.of("", " ", "7401", "+4930123456", "+1 (555) 010-0199", "1001",
            "Local/1001@phones-00000001;1", "default_bridge", "alice", "Room", "1234", "*#", "participants",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{room.name}", "%0d%0aAction: Hangup", "%00",
            "\r\nAction: Originate\r\nApplication: System\r\nData: reboot\r\n", "\nAction: Hangup", "\r", "\0",
            "'; drop table room; --", "\"quoted\" <1234>", "\u202eevil", "\u2028\u2029\u0085", "\ud83d\ude00",
            "\ud800", "a\u0301", "\t", "\u001b[31m", "\u007f", "null", "-1", "99999999999999999999999");
    private static final char[] CONTROLS = {'\r', '\n', '\0', '\t', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028'};

    private HostileStrings() {
    }

    /** @return one hostile string */
    public static String next(Random r) {
        String base = SEEDS.get(r.nextInt(SEEDS.size()));
        return switch (r.nextInt(6)) {
            case 0 -> base;
            case 1 -> insert(r, base, String.valueOf(CONTROLS[r.nextInt(CONTROLS.length)]));
            case 2 -> insert(r, base, r.nextBoolean() ? "\r\n" : "\r\nAction: Hangup\r\nChannel: all\r\n");
            case 3 -> base + "x".repeat(r.nextInt(3) == 0 ? 100_000 : 300);
            case 4 -> randomCodePoints(r, 1 + r.nextInt(40));
            default -> insert(r, SEEDS.get(r.nextInt(SEEDS.size())), base);
        };
    }

    private static String insert(Random r, String into, String what) {
        int at = into.isEmpty() ? 0 : r.nextInt(into.length() + 1);
        return into.substring(0, at) + what + into.substring(at);
    }

    private static String randomCodePoints(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            if (kind == 0) {
                sb.append((char) r.nextInt(0x20));
            } else if (kind == 1) {
                sb.append((char) (0x20 + r.nextInt(0x5f)));
            } else if (kind == 2) {
                sb.append((char) r.nextInt(0x10000)); // may be half a surrogate pair
            } else {
                sb.appendCodePoint(0x10000 + r.nextInt(0x100000 - 0x10000));
            }
        }
        return sb.toString();
    }
}
