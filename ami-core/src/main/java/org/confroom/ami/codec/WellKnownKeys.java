package org.confroom.ami.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Header names that code looks up with string literals. The decoder hands out these constants
 * instead of fresh copies, so {@link AmiMessage}'s lookups usually match by identity. Names from the
 * network are never interned: only this fixed set is shared.
 */
final class WellKnownKeys {
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String k : new String[] {"Event", "Response", "Action", "ActionID", "Privilege", "Message", "EventList",
                "ListItems", "Output", "Channel", "Uniqueid", "Linkedid", "Conference", "CallerIDNum", "CallerIDName",
                "ConnectedLineNum", "ConnectedLineName", "Context", "Exten", "Priority", "Reason", "Variable", "Value",
                "Ping", "Timestamp", "Challenge", "Status", "Uptime", "ChannelState", "ChannelStateDesc", "Language",
                "AccountCode", "Cause", "Cause-txt", "BridgeUniqueid", "Admin", "Muted", "Application", "Data"}) {
            NAMES.put(k, k);
        }
    }

    private WellKnownKeys() {
    }

    /** @return the shared constant for a well-known name spelled exactly so, else the name itself */
    static String canonical(String name) {
        String k = NAMES.get(name);
        return k == null ? name : k;
    }
}
