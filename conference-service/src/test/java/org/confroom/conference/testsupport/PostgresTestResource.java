package org.confroom.conference.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL database of its own for a test run, in this order: a URL from the environment
 * ({@code CONFROOM_TEST_DB_URL}, {@code CONFROOM_TEST_DB_USER}, {@code CONFROOM_TEST_DB_PASSWORD});
 * Testcontainers where a Docker engine runs; else a fresh database on the local server at
 * 127.0.0.1:5432 ({@code CONFROOM_TEST_PG_ADMIN_URL} to point elsewhere), dropped at the end.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String LOCAL_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private PostgreSQLContainer container;
    private String createdDatabase;
    private String adminUrl;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("CONFROOM_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return settings(url, env("CONFROOM_TEST_DB_USER", "postgres"), env("CONFROOM_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return settings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        adminUrl = env("CONFROOM_TEST_PG_ADMIN_URL", LOCAL_ADMIN);
        createdDatabase = "confroom_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(adminUrl, "create database " + createdDatabase);
        return settings(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + createdDatabase, "postgres", "");
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (createdDatabase != null) {
            execute(adminUrl, "drop database if exists " + createdDatabase + " with (force)");
        }
    }

    private static boolean dockerAvailable() {
        // ask Testcontainers only where an engine could be: it logs an ERROR for every strategy it tries
        boolean hint = System.getenv("DOCKER_HOST") != null || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Map<String, String> settings(String url, String user, String password) {
        return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                "quarkus.datasource.password", password, "quarkus.datasource.devservices.enabled", "false");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests at " + url + ": " + e.getMessage()
                    + " (start it, or set CONFROOM_TEST_DB_URL)", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
