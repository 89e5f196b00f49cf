package org.confroom.web.page;

import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.live.PbxStatus;
import org.confroom.web.demo.DemoMode;
import org.confroom.web.security.Role;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What every page's layout needs about the request: who is logged in and what they may do, whether
 * the demo mode runs, the PBX connection. Templates read it as {@code inject:page}.
 */
@RequestScoped
@Named("page")
public class PageContext {
    @Inject
    SecurityIdentity identity;

    @Inject
    DemoMode demo;

    @Inject
    LiveRooms liveRooms;

    private PbxStatus status;

    /** @return the user name, or empty when nobody is logged in */
    public String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    /** @return the highest role of the user, for display */
    public String role() {
        return admin() ? Role.ADMIN_NAME : operator() ? Role.OPERATOR_NAME : Role.VIEWER_NAME;
    }

    /** @return true when the user may change rooms, invite, merge and moderate */
    public boolean operator() {
        return identity.hasRole(Role.OPERATOR_NAME);
    }

    /** @return true when the user may manage users and tokens */
    public boolean admin() {
        return identity.hasRole(Role.ADMIN_NAME);
    }

    public boolean demo() {
        return demo.enabled();
    }

    /** @return the PBX connection and whether the live state is fresh, read once per request */
    public PbxStatus pbx() {
        if (status == null) {
            status = liveRooms.status();
        }
        return status;
    }
}
