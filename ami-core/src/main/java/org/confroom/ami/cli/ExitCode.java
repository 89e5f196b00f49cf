package org.confroom.ami.cli;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;

/** Exit codes of the {@code ami} tool, one per kind of outcome so that scripts can branch on them. */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** A failure the tool did not expect (a bug): the reason is printed as is. */
    static final int INTERNAL = 1;
    /** Bad option or refused input (for example CR or LF in a value); nothing was sent. */
    static final int USAGE = 2;
    /** Asterisk could not be reached, or the connection was lost before anything was sent. */
    static final int CONNECTION = 3;
    /** Asterisk refused the login. */
    static final int LOGIN_REFUSED = 4;
    /** Asterisk answered {@code Response: Error}; its message is printed. */
    static final int ASTERISK_ERROR = 5;
    /** No answer in time, or the connection was lost after sending: the outcome is unknown. */
    static final int OUTCOME_UNKNOWN = 6;
    /** The Originate was carried out and failed (busy, no answer, ...). */
    static final int ORIGINATE_FAILED = 7;

    private ExitCode() {
    }

    /** @return the exit code for a failure of a connection or an action */
    static int of(Throwable t) {
        if (t instanceof IllegalArgumentException) {
            return USAGE; // AmiEncodingException included
        }
        if (t instanceof AmiAuthenticationException) {
            return LOGIN_REFUSED;
        }
        if (t instanceof AmiErrorResponseException) {
            return ASTERISK_ERROR;
        }
        if (t instanceof AmiTimeoutException || t instanceof AmiOutcomeUnknownException) {
            return OUTCOME_UNKNOWN;
        }
        if (t instanceof AmiConnectionException || t instanceof AmiNotConnectedException) {
            return CONNECTION;
        }
        return INTERNAL;
    }
}
