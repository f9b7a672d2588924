package org.clustergrid.layers;

import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ContextLayerDatesHttpTest} with the server on PostGIS (a fresh schema, dropped afterwards). */
class ContextLayerDatesPostgisHttpTest extends ContextLayerDatesHttpTest {
    static StoreSettings settings;

    /** Skips (or fails in CI) before the server starts when PostGIS is not there, rather than failing its start. */
    @org.junit.jupiter.api.BeforeAll
    static void needPostgis() {
        PostgisTestDatabase.requireAvailable();
    }

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        settings = PostgisTestDatabase.serveFrom(r);
    }

    @AfterAll
    static void dropSchema() {
        if (settings != null) {
            PostgisTestDatabase.dropSchema(settings);
        }
    }
}
