package org.confroom.ami.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Live channels by name, the channel sequence counter (shared by Local pairs and ConfBridge announcers,
 * as in Asterisk) and the Uniqueid counter ({@code <boot epoch>.<n>}).
 */
final class ChannelRegistry {
    private final Map<String, Channel> byName = new LinkedHashMap<>();
    private final long epochSeconds;
    private final OriginateLedger originates;
    private int nextSequence;
    private long nextUniqueid;
    private long created;

    ChannelRegistry(int firstSequence, long epochSeconds, OriginateLedger originates) {
        this.nextSequence = firstSequence;
        this.originates = originates;
        this.epochSeconds = epochSeconds;
    }

    /** @return the next channel sequence number as 8 hex digits, e.g. {@code 0000000f} */
    String allocateSequence() {
        return String.format("%08x", nextSequence++);
    }

    void setNextSequence(int seq) {
        this.nextSequence = seq;
    }

    String newUniqueid() {
        return epochSeconds + "." + nextUniqueid++;
    }

    /**
     * Creates the two halves of a Local channel {@code Local/exten@context-seq;1/;2}.
     *
     * @param id1 ChannelId of the ;1 half or null for a generated one
     * @param id2 OtherChannelId of the ;2 half or null
     */
    Channel[] newLocalPair(String exten, String context, String id1, String id2, long now) {
        String base = "Local/" + exten + "@" + context;
        String seq = allocateSequence();
        String u1 = id1 != null ? id1 : newUniqueid();
        String u2 = id2 != null ? id2 : newUniqueid();
        Channel one = new Channel(base + "-" + seq + ";1", u1, u1, base, ChannelState.DOWN, context, exten, now);
        Channel two = new Channel(base + "-" + seq + ";2", u2, u1, base, ChannelState.RING, context, exten, now);
        one.otherHalf = two;
        two.otherHalf = one;
        add(one);
        add(two);
        return new Channel[] {one, two};
    }

    private void add(Channel c) {
        byName.put(c.name.toLowerCase(Locale.ROOT), c);
        created++;
    }

    void remove(Channel c) {
        c.gone = true;
        byName.remove(c.name.toLowerCase(Locale.ROOT));
        originates.settled(c.uniqueid);
    }

    /** @return the live channel with this name (case-insensitive), or null */
    Channel find(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** @return live channels whose name matches the regular expression (find, as Asterisk's regexec) */
    List<Channel> matching(Pattern pattern) {
        List<Channel> out = new ArrayList<>();
        for (Channel c : byName.values()) {
            if (pattern.matcher(c.name).find()) {
                out.add(c);
            }
        }
        return out;
    }

    List<Channel> all() {
        return new ArrayList<>(byName.values());
    }

    int count() {
        return byName.size();
    }

    long createdTotal() {
        return created;
    }
}
