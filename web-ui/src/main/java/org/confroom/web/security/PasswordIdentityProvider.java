package org.confroom.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Checks a form login against {@code app_user} (bcrypt), under the {@link LoginThrottle}. Unknown users
 * cost a bcrypt check too, so the answer time does not tell which user names exist. Every failed login
 * and every refusal by the throttle leaves an audit row.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private static final System.Logger LOG = System.getLogger(PasswordIdentityProvider.class.getName());
    /** A bcrypt hash of a random string, checked when the user does not exist. */
    private static final String DECOY = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString(), 12);

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String address = clientAddress(request);
        String username = request.getUsername() == null ? "" : request.getUsername().trim().toLowerCase(java.util.Locale.ROOT);
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> check(username, password, address));
    }

    @Transactional
    SecurityIdentity check(String username, String password, String address) {
        Duration wait = throttle.retryAfter(username, address);
        if (!wait.isZero()) {
            audit.recordSeparately(auditName(username), "login", null, address, AuditEvent.Outcome.REFUSED,
                    Map.of("reason", "too many failed logins", "retryAfterSeconds", wait.toSeconds() + 1));
            throw new AuthenticationFailedException("too many failed logins; try again in " + (wait.toSeconds() + 1) + " s");
        }
        Optional<AppUser> user = AppUser.find("username", username).firstResultOptional();
        boolean ok = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(DECOY)) && user.isPresent()
                && user.get().enabled;
        if (!ok) {
            throttle.failed(username, address);
            audit.recordSeparately(auditName(username), "login", null, address, AuditEvent.Outcome.REFUSED,
                    Map.of("reason", user.isPresent() && !user.get().enabled ? "user disabled" : "wrong user name or password"));
            LOG.log(System.Logger.Level.INFO, "login refused for '" + auditName(username) + "' from " + address);
            throw new AuthenticationFailedException("wrong user name or password");
        }
        throttle.succeeded(username);
        AppUser u = user.get();
        audit.recordSeparately(u.username, "login", null, address, AuditEvent.Outcome.OK, Map.of());
        return identity(u.username, u.role, "password");
    }

    static SecurityIdentity identity(String name, Role role, String via) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(role.grants())
                .addAttribute("confroom.auth", via).addAttribute("confroom.role", role).build();
    }

    /** A typed user name goes to the audit log cut and without control characters. */
    private static String auditName(String username) {
        String s = username.replaceAll("[\\p{Cntrl}]", "?");
        return s.isEmpty() ? "(empty)" : s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || rc.request().remoteAddress() == null) {
            return "unknown";
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
