package org.confroom.ami.sim;

import org.confroom.ami.codec.AmiMessage;

/** Something that receives broadcast events: a TCP manager session or an HTTP session. */
interface EventSink {
    /** @return true when this sink may want events of this class (read rights and current mask) */
    boolean acceptsClass(EventClass eventClass);

    /** Delivers one event; the sink applies its own filters. Called on the PBX thread. */
    void deliver(EventClass eventClass, AmiMessage event, EncodedEvent encoded);
}
