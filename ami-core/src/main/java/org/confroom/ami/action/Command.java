package org.confroom.ami.action;

/**
 * {@code Command}: runs a CLI command; the output comes back as one {@code Output:} header per line
 * (transcript 21), read it with {@code outputLines()}. Needs write class {@code command}, which a
 * least-privilege account does not have: keep it to diagnostics.
 *
 * @param command the CLI command, for example {@code core show uptime}
 */
public record Command(String command) implements AmiAction {
    /** Checks the command. */
    public Command {
        Require.nonEmpty(command, "command");
    }

    @Override
    public String name() {
        return "Command";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Command", command);
    }
}
