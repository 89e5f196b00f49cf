package org.confroom.web.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test's own (zonky embedded) that the test may stop and start again: a fixed
 * loopback port and a kept data directory, so the application's JDBC URL stays valid across restarts.
 * Never the shared server at 127.0.0.1:5432, which other test runs use.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {
    private static volatile EmbeddedPostgres server;
    private static volatile Path dataDirectory;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("confroom-restartable-pg");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "",
                "quarkus.datasource.devservices.enabled", "false");
    }

    /** Starts the server on its port with its data (again). */
    public static synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL on port " + port + " did not start", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut); the data stays. */
    public static synchronized void stopServer() {
        EmbeddedPostgres s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL on port " + port + " did not stop", e);
            }
        }
    }

    /** @return the server's port on 127.0.0.1 */
    public static int port() {
        return port;
    }

    @Override
    public void stop() {
        stopServer();
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: left for the system to clean
            }
        }
    }
}
