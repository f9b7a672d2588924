package org.clustergrid.register;

import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProposalsHttpTest} with the server on PostGIS (a fresh schema, dropped afterwards). */
class ProposalsPostgisHttpTest extends ProposalsHttpTest {
    static StoreSettings settings;

    /** Skips (or fails in CI) before the server starts when PostGIS is not there, rather than failing its start. */
    @BeforeAll
    static void needPostgis() {
        PostgisTestDatabase.requireAvailable();
    }

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        settings = PostgisTestDatabase.freshSchema();
        r.add("clustergrid.store", () -> "postgis");
        r.add("clustergrid.postgis.url", settings::postgisUrl);
        r.add("clustergrid.postgis.user", settings::postgisUser);
        r.add("clustergrid.postgis.password", settings::postgisPassword);
        r.add("clustergrid.postgis.schema", settings::postgisSchema);
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
