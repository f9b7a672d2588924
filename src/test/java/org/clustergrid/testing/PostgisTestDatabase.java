package org.clustergrid.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostGIS database tests run against: {@code CLUSTERGRID_TEST_POSTGIS_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/clustergrid_test}, user {@code CLUSTERGRID_TEST_POSTGIS_USER} or
 * {@code postgres}). A missing database is created when the server lets the user (unless
 * {@code clustergrid.test.createPostgisDatabase=false}). Each test class gets its own schema, dropped afterwards.
 * Without a usable database the tests skip with the reason, unless {@code clustergrid.test.requirePostgis=true}
 * (CI), where they fail.
 */
public final class PostgisTestDatabase {
    public static final String URL = env("CLUSTERGRID_TEST_POSTGIS_URL", "jdbc:postgresql://127.0.0.1:5432/clustergrid_test");
    public static final String USER = env("CLUSTERGRID_TEST_POSTGIS_USER", "postgres");
    public static final String PASSWORD = env("CLUSTERGRID_TEST_POSTGIS_PASSWORD", "");
    public static final PostgisProbe.Target TARGET = new PostgisProbe.Target(URL, USER, PASSWORD);

    /** Probed once per extension set: every PostGIS test class would otherwise wait on the same failing connect. */
    private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

    private PostgisTestDatabase() {}

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Settings for a fresh schema; skips (or fails in CI) when PostGIS is not usable. */
    public static StoreSettings freshSchema() {
        requireAvailable();
        String schema = "cgtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return StoreSettings.postgis(URL, USER, PASSWORD, schema);
    }

    /** Skips (or fails in CI) unless the test database is usable with PostGIS. */
    /**
     * A fresh schema for a server test's store, set as the server's properties: for the PostGIS twin of a test run on
     * the embedded store ({@code @DynamicPropertySource}); drop it with {@link #dropSchema} afterwards.
     */
    public static StoreSettings serveFrom(org.springframework.test.context.DynamicPropertyRegistry r) {
        StoreSettings settings = freshSchema();
        SERVED.add(settings);
        r.add("clustergrid.store", () -> "postgis");
        r.add("clustergrid.postgis.url", settings::postgisUrl);
        r.add("clustergrid.postgis.user", settings::postgisUser);
        r.add("clustergrid.postgis.password", settings::postgisPassword);
        r.add("clustergrid.postgis.schema", settings::postgisSchema);
        return settings;
    }

    /** Drops the schemas {@link #serveFrom} made that are not dropped yet. */
    static synchronized void dropServed() {
        for (StoreSettings settings; (settings = SERVED.poll()) != null; ) {
            dropSchema(settings);
        }
    }

    private static final java.util.Queue<StoreSettings> SERVED = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public static void requireAvailable() {
        skipOrFail(problem(false), required());
    }

    /** Null when the test database is usable with PostGIS (and pgRouting if asked), else why not. */
    static String problem(boolean pgRouting) {
        String[] extensions = pgRouting ? new String[] {"postgis", "pgrouting"} : new String[] {"postgis"};
        boolean create = !"false".equals(System.getProperty("clustergrid.test.createPostgisDatabase"));
        return PROBED.computeIfAbsent(String.join(",", extensions),
                k -> Optional.ofNullable(PostgisProbe.problem(TARGET, create, extensions))).orElse(null);
    }

    /** Whether a missing PostGIS fails the tests instead of skipping them (CI). */
    static boolean required() {
        return Boolean.getBoolean("clustergrid.test.requirePostgis");
    }

    static String reason(String problem) {
        return "PostGIS not available at " + URL + " as " + USER + ": " + problem + " (see README, 'Test'; CI provides it)";
    }

    /** Nothing when {@code problem} is null; else aborts the test with the reason, or fails it when required. */
    static void skipOrFail(String problem, boolean required) {
        if (problem == null) {
            return;
        }
        if (required) {
            fail(reason(problem));
        }
        Assumptions.abort(reason(problem));
    }

    /** A connection to the test database; call {@link #requireAvailable} first. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    public static void dropSchema(StoreSettings settings) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + settings.postgisSchema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + settings.postgisSchema(), e);
        }
    }
}
