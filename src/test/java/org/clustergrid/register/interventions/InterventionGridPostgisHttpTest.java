package org.clustergrid.register.interventions;

import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link InterventionGridHttpTest} with the server on PostGIS (a fresh schema, dropped afterwards). */
class InterventionGridPostgisHttpTest extends InterventionGridHttpTest {
    static StoreSettings settings;

    /** Skips (or fails in CI) before the server starts when PostGIS is not there, rather than failing its start. */
    @BeforeAll
    static void needPostgis() {
        PostgisTestDatabase.requireAvailable();
    }

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        settings = PostgisTestDatabase.serveFrom(r);
        // the same demo region as the embedded store loads, so both run the same cases on the same clusters
        r.add("clustergrid.demo.enabled", () -> "true");
    }

    @AfterAll
    static void dropSchema() {
        if (settings != null) {
            PostgisTestDatabase.dropSchema(settings);
        }
    }
}
