package org.clustergrid.register;

import org.clustergrid.testing.OnPostgis;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClusterRegisterHttpTest} with the server on PostGIS (a fresh schema, dropped afterwards) holding the demo region. */
@ExtendWith(OnPostgis.class)
class ClusterRegisterPostgisHttpTest extends ClusterRegisterHttpTest {
    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        PostgisTestDatabase.serveFrom(r);
        // the same demo region as the embedded store loads, so both run the same cases on the same clusters
        r.add("clustergrid.demo.enabled", () -> "true");
    }
}
