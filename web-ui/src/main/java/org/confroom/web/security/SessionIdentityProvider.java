package org.confroom.web.security;

import java.util.Optional;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Rebuilds the identity of a logged-in user from the session cookie on every request. The user is read
 * from the database at most every {@link #TTL} and again right after any change of it in this process
 * (a committed {@link UserChanged}), so a disabled user is out at the next request and a role change
 * applies at once; another instance of confroom sees such a change within the TTL.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    static final java.time.Duration TTL = java.time.Duration.ofSeconds(5);

    private record Known(String username, Role role, boolean enabled, long readAtNanos) {
    }

    private final java.util.Map<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    void changed(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_COMPLETION) UserChanged e) {
        known.remove(e.username());
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        Known k = known.get(request.getPrincipal());
        if (k != null && System.nanoTime() - k.readAtNanos() < TTL.toNanos()) {
            return Uni.createFrom().item(() -> identity(k));
        }
        return context.runBlocking(() -> identity(load(request.getPrincipal())));
    }

    @Transactional
    Known load(String username) {
        Optional<AppUser> user = AppUser.find("username", username).firstResultOptional();
        Known k = new Known(username, user.map(u -> u.role).orElse(Role.VIEWER), user.map(u -> u.enabled).orElse(false), System.nanoTime());
        known.put(username, k);
        return k;
    }

    private static SecurityIdentity identity(Known k) {
        if (!k.enabled()) {
            throw new AuthenticationFailedException("user " + k.username() + " no longer exists or is disabled");
        }
        return PasswordIdentityProvider.identity(k.username(), k.role(), "session");
    }
}
