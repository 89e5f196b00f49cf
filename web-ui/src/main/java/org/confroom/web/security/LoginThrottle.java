package org.confroom.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.confroom.web.WebConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Login rate limit: after {@code max-failures} failed logins for one user name, or
 * {@code max-failures-per-address} from one address, within {@code window}, further attempts are refused without checking the password until the oldest failure
 * leaves the window. Kept in memory: a restart forgets it, which only lets an attacker start over.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;

    @Inject
    public LoginThrottle(WebConfig.Login config) {
        this(config.maxFailures(), config.maxFailuresPerAddress(), config.window());
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration window) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    Clock clock = Clock.systemUTC();

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** @return how long until {@code username} from {@code address} may try again; zero when it may now */
    public Duration retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration a = blockedFor("u:" + username, now);
        Duration b = blockedFor("a:" + address, now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Counts a failed login. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> blockedFor(e.getKey(), now).isZero());
        }
        add("u:" + username, now);
        add("a:" + address, now);
    }

    /** A successful login clears the user's failures (the address keeps its count). */
    public void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private void add(String key, Instant now) {
        failures.compute(key, (k, q) -> {
            Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
            prune(d, now);
            d.addLast(now);
            while (d.size() > limit(key)) {
                d.removeFirst();
            }
            return d;
        });
    }

    private Duration blockedFor(String key, Instant now) {
        Duration[] result = {Duration.ZERO};
        failures.computeIfPresent(key, (k, d) -> {
            prune(d, now);
            if (d.size() >= limit(key)) {
                result[0] = Duration.between(now, d.peekFirst().plus(window));
            }
            return d.isEmpty() ? null : d;
        });
        return result[0];
    }

    private int limit(String key) {
        return key.startsWith("u:") ? maxPerUser : maxPerAddress;
    }

    private void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
            d.removeFirst();
        }
    }
}
