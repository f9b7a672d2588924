package org.clustergrid.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostGIS database tests run against: {@code CLUSTERGRID_TEST_POSTGIS_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/clustergrid_test}, user {@code CLUSTERGRID_TEST_POSTGIS_USER} or
 * {@code postgres}). Each test class gets its own schema, dropped afterwards. Without a reachable PostGIS the tests
 * skip, unless {@code clustergrid.test.requirePostgis=true} (CI), where they fail.
 */
public final class PostgisTestDatabase {
    public static final String URL = env("CLUSTERGRID_TEST_POSTGIS_URL", "jdbc:postgresql://127.0.0.1:5432/clustergrid_test");
    public static final String USER = env("CLUSTERGRID_TEST_POSTGIS_USER", "postgres");
    public static final String PASSWORD = env("CLUSTERGRID_TEST_POSTGIS_PASSWORD", "");

    private PostgisTestDatabase() {}

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Settings for a fresh schema; skips (or fails in CI) when PostGIS is not reachable. */
    public static StoreSettings freshSchema() {
        requireAvailable();
        String schema = "cgtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return StoreSettings.postgis(URL, USER, PASSWORD, schema);
    }

    public static void requireAvailable() {
        String problem = probe();
        if (problem != null) {
            String reason = "PostGIS not available at " + URL + ": " + problem
                    + " (see README, 'Switching to PostGIS'; CI provides it)";
            if (Boolean.getBoolean("clustergrid.test.requirePostgis")) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    private static String probe() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'");
            rs.next();
            return rs.getInt(1) == 0 ? "the postgis extension is not installed on that server" : null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    public static void dropSchema(StoreSettings settings) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + settings.postgisSchema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + settings.postgisSchema(), e);
        }
    }
}
