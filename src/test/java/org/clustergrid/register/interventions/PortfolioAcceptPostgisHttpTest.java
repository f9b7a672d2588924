package org.clustergrid.register.interventions;

import org.clustergrid.testing.OnPostgis;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PortfolioAcceptHttpTest} with the server on PostGIS (a fresh schema, dropped afterwards) holding the demo region. */
@ExtendWith(OnPostgis.class)
class PortfolioAcceptPostgisHttpTest extends PortfolioAcceptHttpTest {
    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry r) {
        PostgisTestDatabase.serveFrom(r);
        r.add("clustergrid.demo.enabled", () -> "true");
    }
}
