package org.confroom.ami.codec;

/**
 * The first line Asterisk sends on a new AMI connection, for example {@code Asterisk Call Manager/11.0.0}.
 *
 * @param text the line without its line terminator
 */
public record Banner(String text) implements AmiFrame {
    /** The prefix every Asterisk manager banner starts with. */
    public static final String ASTERISK_PREFIX = "Asterisk Call Manager/";

    /** @return true when the line is an Asterisk manager banner */
    public boolean isAsterisk() {
        return text.startsWith(ASTERISK_PREFIX);
    }

    /** @return the protocol version after the slash, for example {@code 11.0.0}, or the whole text if there is no slash */
    public String version() {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(slash + 1);
    }
}
