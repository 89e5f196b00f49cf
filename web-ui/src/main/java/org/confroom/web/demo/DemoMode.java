package org.confroom.web.demo;

import java.security.SecureRandom;
import java.util.Optional;

import org.confroom.web.WebConfig;
import org.confroom.web.security.UserService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The demo mode (no PBX configured: ami-sim plays Asterisk) and the first admin. At start-up: a
 * configured {@code confroom.admin.username}/{@code confroom.admin.password} is created when missing;
 * in demo mode the user {@code admin} gets a fresh random password, printed with the URL. Outside
 * demo mode nobody gets a default password.
 */
@ApplicationScoped
public class DemoMode {
    private static final System.Logger LOG = System.getLogger(DemoMode.class.getName());
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    WebConfig.Demo demoConfig;

    @Inject
    WebConfig.Admin admin;

    @Inject
    WebConfig.Session session;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @Inject
    UserService users;

    /** @return true when the embedded simulator stands in for Asterisk */
    public boolean enabled() {
        return demoConfig.enabled();
    }

    void onStart(@Observes StartupEvent e) {
        boolean enabled = demoConfig.enabled();
        String adminUsername = admin.username();
        Optional<String> adminPassword = admin.password();
        String url = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port + "/";
        if (session.ephemeralKey() && !enabled) {
            LOG.log(System.Logger.Level.WARNING, "quarkus.http.auth.session.encryption-key is not set: a random key is used, "
                    + "so every restart logs everybody out; set it (32+ characters) to keep sessions");
        }
        if (adminPassword.isPresent() && !adminPassword.get().isBlank()) {
            if (users.findByUsername(adminUsername).isEmpty()) {
                users.create(adminUsername, adminPassword.get(), org.confroom.web.security.Role.ADMIN, "system");
                LOG.log(System.Logger.Level.INFO, "created the first admin '" + adminUsername + "' from confroom.admin.password");
            }
        }
        if (enabled) {
            String password = randomPassword();
            users.ensureAdmin(adminUsername, password, "system");
            System.out.println("""

                    ================================================================
                     confroom DEMO MODE: no PBX configured, a simulated Asterisk
                     (ami-sim) answers instead. Nothing real is dialled.
                     Open     %s
                     Log in   %s / %s
                     Database %s
                     Numbers  8XXX busy, 7XXX congestion, 9XXX no answer,
                              anything else answers.
                    ================================================================
                    """.formatted(url, adminUsername, password, demoConfig.database().orElse("configured")));
        } else if (users.count() == 0) {
            LOG.log(System.Logger.Level.WARNING, "no user exists, so nobody can log in: set confroom.admin.password "
                    + "(CONFROOM_ADMIN_PASSWORD) to create the first admin '" + adminUsername + "'");
        }
    }

    private static String randomPassword() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
