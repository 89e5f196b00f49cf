package org.confroom.ami.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A bridge: a two-party {@code basic} bridge made by Dial(), or the {@code base} softmix bridge of a conference. */
final class Bridge {
    /** Bridge type and technology as shown in Bridge* events. */
    enum Kind {
        BASIC("basic", "simple_bridge"), CONFERENCE("base", "softmix");

        final String type;
        final String technology;

        Kind(String type, String technology) {
            this.type = type;
            this.technology = technology;
        }
    }

    final String uniqueid = UUID.randomUUID().toString();
    final Kind kind;
    final String creator;
    final String name;
    /** visible channels in the bridge, in order of entry */
    final List<Channel> channels = new ArrayList<>();
    /** announcer and recorder channels: counted in BridgeNumChannels, never listed */
    int hiddenChannels;

    Bridge(Kind kind, String creator, String name) {
        this.kind = kind;
        this.creator = creator;
        this.name = name;
    }

    int numChannels() {
        return channels.size() + hiddenChannels;
    }
}
