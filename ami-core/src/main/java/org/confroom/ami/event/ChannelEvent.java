package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * An event that carries the snapshot of one channel: {@code Channel}, its state, caller and
 * connected line, dialplan location and ids. Accessors return the empty string (numbers -1) for an
 * absent header.
 */
public abstract class ChannelEvent extends AmiEvent {
    /** @param message the event message */
    protected ChannelEvent(AmiMessage message) {
        super(message);
    }

    /** @return the channel name, for example {@code Local/1001@phones-00000002;1} */
    public final String channel() {
        return text("Channel");
    }

    /** @return the channel state code, for example 6 (Up) */
    public final int channelState() {
        return intValue("ChannelState", -1);
    }

    /** @return the channel state name, for example {@code Up} or {@code Ring} */
    public final String channelStateDesc() {
        return text("ChannelStateDesc");
    }

    /** @return the caller id number, {@code <unknown>} when unset */
    public final String callerIdNum() {
        return text("CallerIDNum");
    }

    /** @return the caller id name (C-escaped by Asterisk), {@code <unknown>} when unset */
    public final String callerIdName() {
        return text("CallerIDName");
    }

    /** @return the connected line number */
    public final String connectedLineNum() {
        return text("ConnectedLineNum");
    }

    /** @return the connected line name */
    public final String connectedLineName() {
        return text("ConnectedLineName");
    }

    /** @return the channel language, for example {@code en} */
    public final String language() {
        return text("Language");
    }

    /** @return the account code (the Originate {@code Account}) */
    public final String accountCode() {
        return text("AccountCode");
    }

    /** @return the dialplan context the channel is in */
    public final String context() {
        return text("Context");
    }

    /** @return the dialplan extension the channel is at */
    public final String exten() {
        return text("Exten");
    }

    /** @return the dialplan priority */
    public final int priority() {
        return intValue("Priority", -1);
    }

    /** @return the channel's unique id (the Originate ChannelId when one was given) */
    public final String uniqueid() {
        return text("Uniqueid");
    }

    /** @return the unique id of the oldest channel of the call */
    public final String linkedid() {
        return text("Linkedid");
    }
}
