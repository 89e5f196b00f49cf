package org.confroom.ami.sim;

/** Asterisk channel states with their numeric code and {@code ChannelStateDesc} text. */
enum ChannelState {
    DOWN(0, "Down"), RING(4, "Ring"), RINGING(5, "Ringing"), UP(6, "Up"), BUSY(7, "Busy");

    final int code;
    final String desc;

    ChannelState(int code, String desc) {
        this.code = code;
        this.desc = desc;
    }
}
