package org.confroom.ami.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages a recorded AMI stream the ways a broken peer or network might: bit flips, inserted and
 * deleted bytes, truncation, doubled or missing CR and LF, NUL bytes, huge lines, huge numbers of
 * headers, a {@code Response: Follows} block that never ends, a repeated or dropped stretch. Each
 * mutation is described, so that a failing input can be told apart from its neighbours.
 */
public final class AmiStreamMutator {
    private static final byte[] FRAMING = {'\r', '\n', ':', ' ', 0};

    private final Random random;
    private final int maxLineLength;
    private final List<String> applied = new ArrayList<>();

    /**
     * @param random the source of randomness (from the seed of the try)
     * @param maxLineLength the decoder's line limit, so that huge lines reach just under and over it
     */
    public AmiStreamMutator(Random random, int maxLineLength) {
        this.random = random;
        this.maxLineLength = maxLineLength;
    }

    /** @return the mutations applied so far, for a failure message */
    public List<String> applied() {
        return applied;
    }

    /** @return {@code input} with 1 to {@code max} random mutations */
    public byte[] mutate(byte[] input, int max) {
        byte[] b = input;
        int n = RandomTries.between(random, 1, max);
        for (int i = 0; i < n; i++) {
            b = mutateOnce(b);
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b) {
        int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
        switch (random.nextInt(12)) {
            case 0 -> {
                if (b.length == 0) {
                    return b;
                }
                int i = Math.min(at, b.length - 1);
                byte[] c = b.clone();
                c[i] ^= (byte) (1 << random.nextInt(8));
                return note("bit flip at " + i, c);
            }
            case 1 -> {
                byte[] ins = new byte[RandomTries.between(random, 1, 16)];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = random.nextBoolean() ? FRAMING[random.nextInt(FRAMING.length)] : (byte) random.nextInt(256);
                }
                return note("insert " + ins.length + " bytes at " + at, insert(b, at, ins));
            }
            case 2 -> {
                int len = Math.min(RandomTries.between(random, 1, 64), b.length - at);
                return note("delete " + len + " bytes at " + at, delete(b, at, len));
            }
            case 3 -> {
                return note("truncate at " + at, Arrays.copyOf(b, at));
            }
            case 4 -> {
                byte[] what = random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {random.nextBoolean() ? (byte) '\r' : (byte) '\n'};
                return note("insert " + Arrays.toString(what) + " at " + at, insert(b, at, what));
            }
            case 5 -> {
                int i = indexOfAny(b, at, (byte) '\r', (byte) '\n');
                return i < 0 ? b : note("remove line-end byte at " + i, delete(b, i, 1));
            }
            case 6 -> {
                byte[] nul = new byte[RandomTries.between(random, 1, 4)];
                return note("insert " + nul.length + " NUL at " + at, insert(b, at, nul));
            }
            case 7 -> {
                int len = maxLineLength + RandomTries.between(random, -2, 2);
                byte[] line = new byte[len];
                Arrays.fill(line, (byte) 'x');
                int colon = random.nextInt(len);
                line[colon] = ':';
                byte[] withEnd = concat(line, random.nextBoolean() ? "\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[0]);
                return note("line of " + len + " bytes (':' at " + colon + ") at " + at, insert(b, at, withEnd));
            }
            case 8 -> {
                int headers = RandomTries.between(random, 1, 20_000);
                StringBuilder sb = new StringBuilder("Event: Flood\r\n");
                for (int i = 0; i < headers; i++) {
                    sb.append("H").append(i).append(": v\r\n");
                }
                return note(headers + " headers at " + at, insert(b, at, sb.toString().getBytes(StandardCharsets.US_ASCII)));
            }
            case 9 -> {
                String follows = "Response: Follows\r\nPrivilege: Command\r\n" + "output line\r\n".repeat(RandomTries.between(random, 0, 50))
                        + (random.nextBoolean() ? "\r\n" : "");
                return note("unterminated Follows at " + at, insert(b, at, follows.getBytes(StandardCharsets.US_ASCII)));
            }
            case 10 -> {
                int len = Math.min(RandomTries.between(random, 1, 512), b.length - at);
                return note("repeat " + len + " bytes at " + at, insert(b, at + len, Arrays.copyOfRange(b, at, at + len)));
            }
            default -> {
                int len = Math.min(RandomTries.between(random, 1, 2048), b.length - at);
                return note("drop " + len + " bytes at " + at, delete(b, at, len));
            }
        }
    }

    private byte[] note(String what, byte[] result) {
        applied.add(what);
        return result;
    }

    private static int indexOfAny(byte[] b, int from, byte x, byte y) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x || b[i] == y) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] b, int at, int len) {
        byte[] c = new byte[b.length - len];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + len, c, at, b.length - at - len);
        return c;
    }

    /** @return a followed by b */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
