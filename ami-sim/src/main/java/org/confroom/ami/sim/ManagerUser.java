package org.confroom.ami.sim;

import java.util.Objects;

/**
 * An AMI account of the simulated server, as a {@code [name]} section of manager.conf.
 */
public final class ManagerUser {
    private final String name;
    private final String secret;
    private final Permissions read;
    private final Permissions write;
    private final String readText;
    private final String writeText;

    private ManagerUser(String name, String secret, String readText, String writeText) {
        this.name = Objects.requireNonNull(name, "name");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.readText = Objects.requireNonNull(readText, "read");
        this.writeText = Objects.requireNonNull(writeText, "write");
        this.read = Permissions.parse(readText);
        this.write = Permissions.parse(writeText);
    }

    /**
     * @param name the user name (the section name)
     * @param secret the plain secret
     * @param read read classes as in manager.conf, for example {@code call,system,reporting}
     * @param write write classes, for example {@code call,originate,reporting}
     * @return the account
     */
    public static ManagerUser of(String name, String secret, String read, String write) {
        return new ManagerUser(name, secret, read, write);
    }

    /** @return the user name */
    public String name() {
        return name;
    }

    String secret() {
        return secret;
    }

    Permissions read() {
        return read;
    }

    Permissions write() {
        return write;
    }

    String readText() {
        return readText;
    }

    String writeText() {
        return writeText;
    }
}
