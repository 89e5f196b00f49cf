package org.confroom.ami.cli;

/** The command line is wrong or refused (exit code 2); the message says what to change. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
