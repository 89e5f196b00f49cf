package org.confroom.ami;

/** Asterisk refused the login (wrong user or secret, or a refused challenge). */
public final class AmiAuthenticationException extends AmiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param username the user that tried to log in
     * @param asteriskMessage Asterisk's message, usually {@code Authentication failed}
     */
    public AmiAuthenticationException(String username, String asteriskMessage) {
        super("AMI login refused for user " + username + ": " + asteriskMessage);
    }
}
