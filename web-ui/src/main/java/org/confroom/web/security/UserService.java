package org.confroom.web.security;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Users and their passwords (bcrypt, cost 12). Every change is audited. */
@ApplicationScoped
public class UserService {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MIN_PASSWORD = 10;
    /** bcrypt reads 72 bytes; a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final int COST = 12;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<UserChanged> changes;

    @Transactional
    public AppUser create(String username, String password, Role role, String actor) {
        String name = requireUsername(username);
        requirePassword(password);
        if (role == null) {
            throw new ValidationException("role", "ADMIN, OPERATOR or VIEWER");
        }
        if (AppUser.count("username", name) > 0) {
            throw new ConflictException("user " + name + " already exists");
        }
        AppUser u = new AppUser();
        u.username = name;
        u.passwordHash = BcryptUtil.bcryptHash(password, COST);
        u.role = role;
        u.persist();
        audit.record(actor, "user.create", null, name, AuditEvent.Outcome.OK, Map.of("role", role.name()));
        changes.fire(new UserChanged(name));
        return u;
    }

    @Transactional
    public AppUser changeRole(long id, Role role, String actor) {
        if (role == null) {
            throw new ValidationException("role", "ADMIN, OPERATOR or VIEWER");
        }
        AppUser u = get(id);
        if (u.role == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(u);
        }
        Role before = u.role;
        u.role = role;
        u.updatedAt = OffsetDateTime.now();
        audit.record(actor, "user.role", null, u.username, AuditEvent.Outcome.OK, Map.of("from", before.name(), "to", role.name()));
        changes.fire(new UserChanged(u.username));
        return u;
    }

    @Transactional
    public AppUser resetPassword(long id, String password, String actor) {
        requirePassword(password);
        AppUser u = get(id);
        u.passwordHash = BcryptUtil.bcryptHash(password, COST);
        u.updatedAt = OffsetDateTime.now();
        audit.record(actor, "user.password", null, u.username, AuditEvent.Outcome.OK, Map.of());
        changes.fire(new UserChanged(u.username));
        return u;
    }

    @Transactional
    public AppUser setEnabled(long id, boolean enabled, String actor) {
        AppUser u = get(id);
        if (!enabled && u.role == Role.ADMIN) {
            requireAnotherAdmin(u);
        }
        u.enabled = enabled;
        u.updatedAt = OffsetDateTime.now();
        audit.record(actor, enabled ? "user.enable" : "user.disable", null, u.username, AuditEvent.Outcome.OK, Map.of());
        changes.fire(new UserChanged(u.username));
        return u;
    }

    @Transactional
    public AppUser get(long id) {
        return AppUser.<AppUser> findByIdOptional(id).orElseThrow(() -> new NotFoundException("no user with id " + id));
    }

    @Transactional
    public Optional<AppUser> findByUsername(String username) {
        return AppUser.find("username", username).firstResultOptional();
    }

    @Transactional
    public List<AppUser> list() {
        return AppUser.listAll(io.quarkus.panache.common.Sort.by("username"));
    }

    @Transactional
    public long count() {
        return AppUser.count();
    }

    /** Sets the password of {@code username} (creating an ADMIN when missing): first admin and demo mode. */
    @Transactional
    public AppUser ensureAdmin(String username, String password, String actor) {
        Optional<AppUser> existing = findByUsername(username);
        if (existing.isEmpty()) {
            return create(username, password, Role.ADMIN, actor);
        }
        requirePassword(password);
        AppUser u = existing.get();
        u.passwordHash = BcryptUtil.bcryptHash(password, COST);
        u.role = Role.ADMIN;
        u.enabled = true;
        u.updatedAt = OffsetDateTime.now();
        audit.record(actor, "user.password", null, u.username, AuditEvent.Outcome.OK, Map.of("reason", "start-up"));
        changes.fire(new UserChanged(u.username));
        return u;
    }

    private void requireAnotherAdmin(AppUser u) {
        if (AppUser.count("role = ?1 and enabled = true and id <> ?2", Role.ADMIN, u.id) == 0) {
            throw new ConflictException(u.username + " is the last enabled admin; make another user admin first");
        }
    }

    static String requireUsername(String username) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new ValidationException("username", "2 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        return name;
    }

    static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new ValidationException("password", "at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ValidationException("password", "at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt ignores the rest)");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ValidationException("password", "no control characters");
        }
    }
}
