package org.clustergrid.register;

import org.clustergrid.testing.OnPostgis;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClusterIdentificationHttpTest} with the server on PostGIS (a fresh schema) holding the demo region. */
@ExtendWith(OnPostgis.class)
class ClusterIdentificationPostgisHttpTest extends ClusterIdentificationHttpTest {
    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        PostgisTestDatabase.serveFrom(r);
        r.add("clustergrid.demo.enabled", () -> "true"); // off by default on PostGIS
    }
}
