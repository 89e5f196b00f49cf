package org.confroom.ami.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;

/**
 * Compares what the simulator sent with a recording, ignoring volatile values. Responses must match in order
 * (header names and non-volatile values). Events are grouped by the channel (or device, conference, bridge)
 * they are about; each group must hold the same events, each with the same header names in the same order
 * and the same semantic values. Order between groups is not compared: Asterisk's own order across stasis
 * topics is not stable (README: "Event order across topics is not causal"), and neither is the order within
 * a channel for events of different topics (22 vs 24), so a group is compared as a multiset. Device states
 * are compared as sets, and the simulator may report a state the recording lacks (Asterisk coalesces them).
 */
final class Fidelity {
    /** Values that change from run to run. */
    static final Set<String> VOLATILE = Set.of("timestamp", "challenge", "uniqueid", "linkedid", "destuniqueid",
            "destlinkedid", "localoneuniqueid", "localonelinkedid", "localtwouniqueid", "localtwolinkedid",
            "bridgeuniqueid", "bridgeid", "sessionid", "remoteaddress", "localaddress", "eventtv", "sessiontv",
            "duration", "answeredtime", "uptime", "lastreload", "corestartupdate", "corestartuptime",
            "corereloaddate", "corereloadtime", "corecurrentcalls", "coreprocessedcalls", "output", "value",
            "bridgenumchannels", "durationms");
    /** Event values that carry meaning and must match. */
    static final Set<String> SEMANTIC = Set.of("event", "response", "message", "reason", "cause", "cause-txt",
            "channelstatedesc", "dialstatus", "context", "exten", "priority", "muted", "locked", "parties",
            "application", "digit", "direction", "conference", "eventlist", "admin", "variable", "bridgetype",
            "channel", "destchannel", "destcontext", "destexten", "localonechannel", "localtwochannel", "listitems",
            "state", "device", "status", "shutdown", "restart", "bridgename", "appdata", "applicationdata");

    private Fidelity() {
    }

    /** @return the differences, empty when the simulator matches the recording */
    static List<String> compare(List<AmiMessage> recorded, List<AmiMessage> simulated) {
        List<String> diffs = new ArrayList<>();
        List<AmiMessage> rr = responses(recorded);
        List<AmiMessage> sr = responses(simulated);
        for (int i = 0; i < Math.max(rr.size(), sr.size()); i++) {
            if (i >= rr.size()) {
                diffs.add("extra response #" + i + ": " + oneLine(sr.get(i)));
            } else if (i >= sr.size()) {
                diffs.add("missing response #" + i + ": " + oneLine(rr.get(i)));
            } else if (!responseSignature(rr.get(i)).equals(responseSignature(sr.get(i)))) {
                diffs.add("response #" + i + " differs:\n  recorded:  " + responseSignature(rr.get(i))
                        + "\n  simulated: " + responseSignature(sr.get(i)));
            }
        }
        Map<String, List<String>> rg = groups(recorded);
        Map<String, List<String>> sg = groups(simulated);
        Set<String> keys = new java.util.TreeSet<>(rg.keySet());
        keys.addAll(sg.keySet());
        for (String k : keys) {
            List<String> r = sorted(rg.getOrDefault(k, List.of()));
            List<String> s = sorted(sg.getOrDefault(k, List.of()));
            if (k.startsWith("device ") && s.containsAll(r)) {
                // Asterisk coalesces device states at random (11: INUSE seen once or not at all)
                continue;
            }
            if (!r.equals(s)) {
                List<String> missing = new ArrayList<>(r);
                s.forEach(missing::remove);
                List<String> extra = new ArrayList<>(s);
                r.forEach(extra::remove);
                diffs.add("events of " + k + " differ:\n  missing: " + missing + "\n  extra:   " + extra);
            }
        }
        return diffs;
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    static List<AmiMessage> responses(List<AmiMessage> all) {
        return all.stream().filter(m -> m.type() == MessageType.RESPONSE).toList();
    }

    static String responseSignature(AmiMessage m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            String k = m.keyAt(i);
            sb.append(k);
            if (!VOLATILE.contains(k.toLowerCase())) {
                sb.append('=').append(m.valueAt(i));
            }
            sb.append("; ");
        }
        return sb.toString();
    }

    static String eventSignature(AmiMessage m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            String k = m.keyAt(i);
            sb.append(k);
            if (SEMANTIC.contains(k.toLowerCase()) && !VOLATILE.contains(k.toLowerCase())) {
                sb.append('=').append(m.valueAt(i));
            }
            sb.append(';');
        }
        return sb.toString();
    }

    /** @return the group an event belongs to */
    static String groupOf(AmiMessage m) {
        String event = m.name();
        if (m.has("DestChannel")) {
            return "channel " + m.text("DestChannel");
        }
        if (m.has("Channel")) {
            return "channel " + m.text("Channel");
        }
        if (m.has("LocalOneChannel")) {
            return "channel " + m.text("LocalOneChannel");
        }
        if (m.has("Device")) {
            return "device " + m.text("Device");
        }
        if (m.has("Conference")) {
            return "conference " + m.text("Conference") + (m.has("ActionID") ? " list" : "");
        }
        if (m.has("BridgeType")) {
            return "bridge " + m.text("BridgeType") + (m.has("ActionID") ? " list" : "");
        }
        return "event " + event;
    }

    private static Map<String, List<String>> groups(List<AmiMessage> all) {
        Map<String, List<String>> g = new TreeMap<>();
        Map<String, Set<String>> deviceStates = new LinkedHashMap<>();
        for (AmiMessage m : all) {
            if (m.type() != MessageType.EVENT) {
                continue;
            }
            String key = groupOf(m);
            if (m.isEvent("DeviceStateChange")) {
                // how often a device state is repeated depends on races inside Asterisk (11: 2 or 3 times)
                deviceStates.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(eventSignature(m));
                continue;
            }
            g.computeIfAbsent(key, k -> new ArrayList<>()).add(eventSignature(m));
        }
        deviceStates.forEach((k, v) -> g.put(k, new ArrayList<>(v)));
        return g;
    }

    /** A channel name with its sequence number: {@code Local/3019@phones-00000077;1}, {@code CBAnn/800-00000083;2}. */
    private static final java.util.regex.Pattern NUMBERED =
            java.util.regex.Pattern.compile("((?:Local/[^@;,]+@|CBAnn/)[^-;,]+)-[0-9a-f]{8}(?=;[12])");

    /**
     * Drops the sequence numbers from channel names in every value ({@code Local/3019@phones-00000077;1}
     * becomes {@code Local/3019@phones;1}), for runs in which Asterisk numbered back-to-back originates in
     * the order its threads happened to run (19, 20): the extension then names the member on both sides.
     */
    static List<AmiMessage> unnumbered(List<AmiMessage> messages) {
        List<AmiMessage> out = new ArrayList<>(messages.size());
        for (AmiMessage m : messages) {
            AmiMessage.Builder b = AmiMessage.builder();
            for (int i = 0; i < m.size(); i++) {
                b.add(m.keyAt(i), NUMBERED.matcher(m.valueAt(i)).replaceAll("$1"));
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * @return how many events of each name there are, {@code VarSet} counted per variable
     *     ({@code VarSet BRIDGEPEER}), sorted by name
     */
    static Map<String, Long> eventCounts(List<AmiMessage> messages) {
        Map<String, Long> counts = new TreeMap<>();
        for (AmiMessage m : messages) {
            if (m.type() == MessageType.EVENT) {
                String key = m.isEvent("VarSet") ? "VarSet " + m.text("Variable") : m.name();
                counts.merge(key, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** An HTTP date as Asterisk writes it: {@code Sun, 22 Nov 2026 23:31:27 GMT}. */
    private static final java.util.regex.Pattern HTTP_DATE =
            java.util.regex.Pattern.compile("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
    private static final java.util.regex.Pattern SESSION_COOKIE =
            java.util.regex.Pattern.compile("mansession_id=\"([0-9a-f]{8})\"");

    /**
     * Compares HTTP answers one by one: the status line, the header names in order, and their values except
     * {@code Date} (only its form), the session id in {@code Set-Cookie} (the recorded and simulated ids must
     * correspond one to one: a new recorded session is a new simulated one), the Digest nonce in
     * {@code WWW-authenticate} and {@code Content-Length} (must be the simulated body's length). Bodies are
     * left to {@link #compare}.
     *
     * @return the differences, empty when the heads match
     */
    static List<String> compareHttpHeads(List<HttpAnswer> recorded, List<HttpAnswer> simulated) {
        List<String> diffs = new ArrayList<>();
        if (recorded.size() != simulated.size()) {
            diffs.add(recorded.size() + " answers recorded, " + simulated.size() + " simulated");
        }
        Map<String, String> sessionIds = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(recorded.size(), simulated.size()); i++) {
            String r = httpHeadSignature(recorded.get(i));
            String s = httpHeadSignature(simulated.get(i));
            if (!r.equals(s)) {
                diffs.add("answer #" + i + " differs:\n  recorded:  " + r + "\n  simulated: " + s);
            }
            String recordedId = sessionId(recorded.get(i));
            String simulatedId = sessionId(simulated.get(i));
            String known = sessionIds.putIfAbsent("recorded " + recordedId, simulatedId);
            String back = sessionIds.putIfAbsent("simulated " + simulatedId, recordedId);
            if (known != null && !known.equals(simulatedId) || back != null && !back.equals(recordedId)) {
                diffs.add("answer #" + i + ": recorded session " + recordedId + " is simulated as " + simulatedId
                        + ", before as " + known + " (or " + simulatedId + " stood for " + back + ")");
            }
        }
        return diffs;
    }

    private static String sessionId(HttpAnswer a) {
        java.util.regex.Matcher m = SESSION_COOKIE.matcher(a.header("Set-Cookie"));
        return m.find() ? m.group(1) : "";
    }

    private static String httpHeadSignature(HttpAnswer a) {
        StringBuilder sb = new StringBuilder(a.statusLine()).append(" | ");
        for (String[] h : a.headers()) {
            sb.append(h[0]).append(": ");
            switch (h[0]) {
                case "Date":
                    sb.append(HTTP_DATE.matcher(h[1]).matches() ? "<date>" : h[1]);
                    break;
                case "Set-Cookie":
                    sb.append(SESSION_COOKIE.matcher(h[1]).replaceAll("mansession_id=\"<id>\""));
                    break;
                case "WWW-authenticate":
                    sb.append(h[1].replaceAll("(nonce|opaque)=\"[0-9a-f]{8}\"", "$1=\"<nonce>\""));
                    break;
                case "Content-Length":
                    sb.append(h[1].equals(Integer.toString(a.body().length)) ? "<length of the body>" : h[1]);
                    break;
                default:
                    sb.append(h[1]);
            }
            sb.append(" | ");
        }
        return sb.toString();
    }

    static String oneLine(AmiMessage m) {
        return m.toString().replace('\n', '|');
    }
}
