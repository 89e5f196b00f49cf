package org.confroom.ami.cli;

import java.io.Console;
import java.util.Optional;

/** Where the manager secret comes from when {@code AMI_SECRET} is not set. */
@FunctionalInterface
interface SecretSource {
    /** Asks on the terminal without echo; empty when there is no terminal. */
    SecretSource CONSOLE = user -> {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] secret = console.readPassword("AMI secret for %s: ", user);
        return secret == null ? Optional.empty() : Optional.of(new String(secret));
    };

    /**
     * @param user the manager user, for the prompt
     * @return the secret, or empty when it cannot be asked for
     */
    Optional<String> secretFor(String user);
}
