package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ProxiedPostgis;
import org.clustergrid.testing.RequiresPostgis;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With PostGIS (and so the accounts) cut off, a request with an API key answers 503 with Retry-After in its service's
 * format, not 401 and not an internal error; anonymous health still answers. Keys work again once it is back.
 */
@RequiresPostgis
class StoreDownAuthTest extends ServerTest {
    static ProxiedPostgis db;

    @DynamicPropertySource
    static void postgisBehindAProxy(DynamicPropertyRegistry r) throws Exception {
        db = ProxiedPostgis.register(r);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Autowired
    Accounts accounts;

    @Test
    void keysAnswer503WhileTheAccountsCannotBeRead() throws Exception {
        String key = accounts.createKey("while down", Role.VIEWER, null).secret();
        assertThat(send("/api/layers", HttpResponse.BodyHandlers.ofString(), "X-API-Key", key).statusCode())
                .isEqualTo(200);
        db.proxy().cut();
        try {
            long start = System.nanoTime();
            HttpResponse<String> api = send("/api/layers", HttpResponse.BodyHandlers.ofString(), "X-API-Key", key);
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(JSON.readTree(api.body()).path("message").asText()).contains("cannot be checked now");

            HttpResponse<String> wms = send("/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities",
                    HttpResponse.BodyHandlers.ofString(), "X-API-Key", key);
            assertThat(wms.statusCode()).isEqualTo(503);
            assertThat(wms.body()).contains("<ServiceExceptionReport");
            HttpResponse<String> features = send("/ogc/features/collections", HttpResponse.BodyHandlers.ofString(),
                    "X-API-Key", key);
            assertThat(JSON.readTree(features.body()).path("code").asText()).isEqualTo("ServiceUnavailable");
        } finally {
            db.proxy().restore();
        }
        int status = 0;
        for (long t = System.nanoTime(); System.nanoTime() - t < 10_000_000_000L && status != 200; Thread.sleep(100)) {
            status = send("/api/layers", HttpResponse.BodyHandlers.ofString(), "X-API-Key", key).statusCode();
        }
        assertThat(status).as("back without a restart").isEqualTo(200);
    }
}
