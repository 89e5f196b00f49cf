package org.confroom.conference.invite;

/**
 * What reconciliation found of an attempt's channel on the PBX.
 *
 * @param channel the channel name
 * @param up true when the channel is answered (state Up)
 * @param joined invites: listed by ConfbridgeList of the room; click-to-call: in a bridge with the second party
 */
public record PbxSighting(String channel, boolean up, boolean joined) {
}
