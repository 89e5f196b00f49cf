package org.confroom.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the web application (the domain's are in {@code ConfroomConfig}). */
public final class WebConfig {
    private WebConfig() {
    }

    /** {@code confroom.demo.*}: set by {@link org.confroom.web.demo.DemoBootstrap}, not by hand. */
    @ConfigMapping(prefix = "confroom.demo")
    public interface Demo {
        /** @return true when the embedded simulator stands in for Asterisk */
        @WithDefault("false")
        boolean enabled();

        /** @return where the database came from when none was configured */
        Optional<String> database();

        /** @return host:port of the local PostgreSQL tried first when no datasource is configured, or none */
        @WithDefault("127.0.0.1:5432")
        String localPostgres();
    }

    /** {@code confroom.admin.*}: the first admin, created at start when missing. */
    @ConfigMapping(prefix = "confroom.admin")
    public interface Admin {
        @WithDefault("admin")
        String username();

        /** @return the first admin's password; no user is created without it (except in demo mode) */
        Optional<String> password();
    }

    /** {@code confroom.login.*}: the login rate limit. */
    @ConfigMapping(prefix = "confroom.login")
    public interface Login {
        /** @return failed logins per user name within {@link #window()} before logins are refused */
        @WithDefault("5")
        int maxFailures();

        /** @return failed logins from one address (any user names) within {@link #window()}: more, as one address may be a whole office */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("5m")
        Duration window();
    }

    /** {@code confroom.session.*} */
    @ConfigMapping(prefix = "confroom.session")
    public interface Session {
        /** @return true when the session key was generated at start (sessions end with a restart) */
        @WithDefault("false")
        boolean ephemeralKey();
    }
}
