package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code SuccessfulAuth}: a security event for a successful login (class {@code security}). */
public final class SuccessfulAuthEvent extends AmiEvent {
    /** @param message the event message */
    public SuccessfulAuthEvent(AmiMessage message) {
        super(message);
    }

    /** @return the service, for example {@code AMI} */
    public String service() {
        return text("Service");
    }

    /** @return the account that logged in */
    public String accountId() {
        return text("AccountID");
    }

    /** @return the session id */
    public String sessionId() {
        return text("SessionID");
    }

    /** @return the local address, for example {@code IPV4/TCP/127.0.0.1/5038} */
    public String localAddress() {
        return text("LocalAddress");
    }

    /** @return the peer address */
    public String remoteAddress() {
        return text("RemoteAddress");
    }

    /** @return true when a password was used */
    public boolean usingPassword() {
        return flag("UsingPassword");
    }
}
