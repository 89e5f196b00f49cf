package org.confroom.conference.live;

import java.time.Instant;

import org.confroom.ami.client.ConnectionState;

/**
 * The PBX connection as the live view sees it.
 *
 * @param state the AMI connection state
 * @param stale true while the live state may be out of date: before the first resynchronisation, while
 *     disconnected, and after lost events until the resynchronisation is done. Pages should say so.
 * @param detail a sentence for operators
 * @param since when this status began
 */
public record PbxStatus(ConnectionState state, boolean stale, String detail, Instant since) {
    /** @return true when connected and the state is fresh */
    public boolean live() {
        return state == ConnectionState.READY && !stale;
    }
}
