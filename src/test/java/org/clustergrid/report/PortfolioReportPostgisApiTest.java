package org.clustergrid.report;

import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PortfolioReportApiTest} with the server on PostGIS (a fresh schema, dropped afterwards). */
class PortfolioReportPostgisApiTest extends PortfolioReportApiTest {
    static StoreSettings settings;

    /** Skips (or fails in CI) before the server starts when PostGIS is not there, rather than failing its start. */
    @BeforeAll
    static void needPostgis() {
        PostgisTestDatabase.requireAvailable();
    }

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        settings = PostgisTestDatabase.serveFrom(r);
        r.add("clustergrid.demo.enabled", () -> "true"); // off by default on PostGIS; these tests read the demo
    }

    @AfterAll
    static void dropSchema() {
        if (settings != null) {
            PostgisTestDatabase.dropSchema(settings);
        }
    }
}
