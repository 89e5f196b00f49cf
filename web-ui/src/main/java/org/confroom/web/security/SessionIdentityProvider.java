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
 * Rebuilds the identity of a logged-in user from the session cookie on every request, from the
 * database: a disabled user is out at once and a role change applies to the next request.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> load(request.getPrincipal()));
    }

    @Transactional
    SecurityIdentity load(String username) {
        Optional<AppUser> user = AppUser.find("username", username).firstResultOptional();
        if (user.isEmpty() || !user.get().enabled) {
            throw new AuthenticationFailedException("user " + username + " no longer exists or is disabled");
        }
        return PasswordIdentityProvider.identity(user.get().username, user.get().role, "session");
    }
}
