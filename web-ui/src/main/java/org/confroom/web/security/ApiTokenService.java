package org.confroom.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** API tokens: created and revoked by admins, checked on every API request that carries one. */
@ApplicationScoped
public class ApiTokenService {
    /** Tokens start with this, so a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "cr_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();

    @Inject
    AuditLog audit;

    /** A token as created: the secret is in {@code token}, shown once. */
    public record Created(ApiToken token, String secret) {
    }

    @Transactional
    public Created create(String name, Role role, String actor) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "required, at most 100 characters, no control characters");
        }
        if (role == null) {
            throw new ValidationException("role", "ADMIN, OPERATOR or VIEWER");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken t = new ApiToken();
        t.name = n;
        t.role = role;
        t.tokenHash = sha256(secret);
        t.tokenPrefix = secret.substring(0, PREFIX.length() + 6);
        t.createdBy = actor;
        t.persist();
        audit.record(actor, "token.create", null, n, AuditEvent.Outcome.OK, Map.of("role", role.name(), "prefix", t.tokenPrefix));
        return new Created(t, secret);
    }

    @Transactional
    public ApiToken revoke(long id, String actor) {
        ApiToken t = ApiToken.<ApiToken> findByIdOptional(id).orElseThrow(() -> new NotFoundException("no API token with id " + id));
        if (!t.active()) {
            throw new ConflictException("API token '" + t.name + "' was already revoked");
        }
        t.revokedAt = OffsetDateTime.now();
        t.revokedBy = actor;
        audit.record(actor, "token.revoke", null, t.name, AuditEvent.Outcome.OK, Map.of("prefix", t.tokenPrefix));
        return t;
    }

    @Transactional
    public List<ApiToken> list() {
        return ApiToken.listAll(Sort.descending("createdAt"));
    }

    /** @return the active token with this secret, its last use noted (to the minute) */
    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> t = ApiToken.<ApiToken> find("tokenHash", sha256(secret)).firstResultOptional().filter(ApiToken::active);
        t.ifPresent(token -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (token.lastUsedAt == null || token.lastUsedAt.plus(LAST_USED_PRECISION).isBefore(now)) {
                token.lastUsedAt = now;
            }
        });
        return t;
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
