package org.confroom.ami.action;

import java.util.Optional;

/**
 * {@code BridgeList}: an event list with one {@code BridgeListItem} per bridge, then
 * {@code BridgeListComplete}; conference bridges are listed too (BridgeCreator {@code ConfBridge}).
 *
 * @param bridgeType only bridges of this type, for example {@code basic}, if given
 */
public record BridgeList(Optional<String> bridgeType) implements AmiAction {
    /** Checks a given type. */
    public BridgeList {
        Require.nonEmpty(bridgeType, "bridgeType");
    }

    /** @return a list of every bridge */
    public static BridgeList all() {
        return new BridgeList(Optional.empty());
    }

    /** @return a list of the bridges of one type */
    public static BridgeList ofType(String bridgeType) {
        return new BridgeList(Optional.of(bridgeType));
    }

    @Override
    public String name() {
        return "BridgeList";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        bridgeType.ifPresent(t -> out.add("BridgeType", t));
    }
}
