package org.confroom.web.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;

import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Makes the packaged application run out of the box. Runs before Quarkus starts and only fills in
 * what the operator left unset, as system properties:
 * <ul>
 * <li>no PBX ({@code AMI_HOST} / {@code confroom.pbx.host} unset): starts ami-sim on a free loopback
 * port and turns on the demo mode, which every page announces;</li>
 * <li>no datasource ({@code quarkus.datasource.jdbc.url} / {@code QUARKUS_DATASOURCE_JDBC_URL} unset): uses
 * the local PostgreSQL at 127.0.0.1:5432 (database {@code confroom}, created if missing) when it answers,
 * else an embedded PostgreSQL whose data lives in {@code ~/.confroom/pgdata};</li>
 * <li>no session key: a random one (sessions then end when the application restarts).</li>
 * </ul>
 */
public final class DemoBootstrap {
    /** Set (as a system property) when the embedded simulator serves as the PBX. */
    public static final String DEMO_PROPERTY = "confroom.demo.enabled";
    /** Where the database came from, for the start-up banner. */
    public static final String DATABASE_ORIGIN_PROPERTY = "confroom.demo.database";

    /** host:port of a local PostgreSQL to try first (trust auth), or {@code none} to go straight to the embedded one. */
    public static final String LOCAL_POSTGRES_PROPERTY = "confroom.demo.local-postgres";

    private static volatile AmiSimulator simulator;
    private static volatile EmbeddedPostgres embeddedPostgres;

    private DemoBootstrap() {
    }

    /** Reads the configuration the application will see and fills in what is missing. */
    public static void prepare() {
        SmallRyeConfig config = readConfig();
        if (absent(config, "confroom.pbx.host") && absent(config, "AMI_HOST")) {
            startSimulator();
        }
        if (absent(config, "quarkus.datasource.jdbc.url")) {
            provideDatabase(config);
        }
        if (absent(config, "quarkus.http.auth.session.encryption-key")) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            System.setProperty("quarkus.http.auth.session.encryption-key", Base64.getEncoder().encodeToString(key));
            System.setProperty("confroom.session.ephemeral-key", "true");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(DemoBootstrap::stop, "demo-shutdown"));
    }

    private static void startSimulator() {
        AmiSimulator sim = AmiSimulator.start(SimConfig.builder().port(0).timing(SimTiming.recorded()).build());
        simulator = sim;
        System.setProperty(DEMO_PROPERTY, "true");
        System.setProperty("confroom.pbx.name", "demo");
        System.setProperty("confroom.pbx.host", "127.0.0.1");
        System.setProperty("confroom.pbx.port", Integer.toString(sim.port()));
        System.setProperty("confroom.pbx.username", "confmgr");
        System.setProperty("confroom.pbx.secret", "confmgr-secret");
        System.setProperty("confroom.pbx.md5", "true");
        if (System.getProperty("quarkus.http.host") == null && System.getenv("QUARKUS_HTTP_HOST") == null) {
            System.setProperty("quarkus.http.host", "127.0.0.1"); // a demo with a printed password stays on loopback
        }
    }

    private static void provideDatabase(SmallRyeConfig config) {
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String local = config.getOptionalValue(LOCAL_POSTGRES_PROPERTY, String.class).orElse("127.0.0.1:5432");
        if (!"none".equals(local)) {
            String server = "jdbc:postgresql://" + local + "/";
            try {
                createDatabaseIfMissing(server + "postgres", user, "confroom");
                useDatabase(server + "confroom", user, "local PostgreSQL at " + local + ", database confroom");
                return;
            } catch (SQLException e) {
                System.err.println("confroom: no local PostgreSQL at " + local + " (" + e.getMessage() + "); starting an embedded one");
            }
        }
        try {
            Path data = Path.of(System.getProperty("user.home"), ".confroom", "pgdata");
            Files.createDirectories(data.getParent());
            embeddedPostgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
            String url = embeddedPostgres.getJdbcUrl("postgres", "postgres");
            createDatabaseIfMissing(url, "postgres", "confroom");
            useDatabase(url.replace("/postgres?", "/confroom?"), "postgres", "embedded PostgreSQL, data in " + data);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("no database is configured and none could be provided: the local PostgreSQL at "
                    + "127.0.0.1:5432 does not answer and the embedded one did not start (" + e.getMessage()
                    + "). Set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD).", e);
        }
    }

    private static void createDatabaseIfMissing(String adminUrl, String user, String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection(adminUrl, p);
                PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    c.createStatement().execute("create database " + database);
                }
            }
        }
    }

    private static void useDatabase(String url, String user, String origin) {
        System.setProperty("quarkus.datasource.jdbc.url", url);
        System.setProperty("quarkus.datasource.username", user);
        System.setProperty(DATABASE_ORIGIN_PROPERTY, origin);
    }

    private static void stop() {
        AmiSimulator sim = simulator;
        if (sim != null) {
            sim.close();
        }
        EmbeddedPostgres pg = embeddedPostgres;
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("confroom: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static SmallRyeConfig readConfig() {
        SmallRyeConfigBuilder b = new SmallRyeConfigBuilder().addDefaultSources();
        Path file = Path.of("config", "application.properties");
        if (Files.isReadable(file)) {
            try {
                b.withSources(new PropertiesConfigSource(file.toUri().toURL(), 260));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /**
     * @return true when the operator did not set {@code name}: values from the application's own
     *         {@code application.properties} (ordinal 250, defaults such as {@code ${AMI_HOST:127.0.0.1}}) do not count
     */
    private static boolean absent(SmallRyeConfig config, String name) {
        io.smallrye.config.ConfigValue v = config.getConfigValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() || v.getConfigSourceOrdinal() <= 250;
    }
}
