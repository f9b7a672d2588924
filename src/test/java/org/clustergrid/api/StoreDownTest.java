package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.clustergrid.testing.ProxiedPostgis;
import org.clustergrid.testing.RequiresPostgis;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostGIS going down under a running server and coming back: every service answers 503 with Retry-After in its own
 * error format within a second or two, the health check names the store, and the server recovers without a restart.
 * The database sits behind a {@link org.clustergrid.testing.FaultProxy} the test cuts.
 */
@RequiresPostgis
class StoreDownTest extends ServerTest {
    static ProxiedPostgis db;

    @DynamicPropertySource
    static void postgisBehindAProxy(DynamicPropertyRegistry r) throws Exception {
        db = ProxiedPostgis.register(r);
        r.add("clustergrid.demo.enabled", () -> "true");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static final String[] READS = {"/api/datasets", "/api/clusters?limit=1",
        "/ogc/features/collections/roads/items?limit=1",
        "/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", "/tiles/roads/12/2910/1710.mvt"};

    @Test
    void servicesAnswer503InTheirOwnFormatWhileTheDatabaseIsDownAndRecover() throws Exception {
        for (String path : READS) {
            assertThat(get(path).statusCode()).as(path).isIn(200, 204);
        }
        db.proxy().cut();
        Thread.sleep(1_100); // past the data version the server keeps for a second

        long start = System.nanoTime();
        HttpResponse<String> health = get("/api/health");
        double healthSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode h = JSON.readTree(health.body());
        assertThat(h.path("status").asText()).isEqualTo("DOWN");
        assertThat(h.path("components").path("store").path("status").asText()).isEqualTo("DOWN");
        assertThat(h.path("components").path("store").path("reason").asText()).contains("does not answer");

        for (String path : READS) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(path);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("database down: %s -> %d in %.2f s%n", path, r.statusCode(), seconds);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("2");
            assertThat(seconds).as(path + " answers without waiting on the pool").isLessThan(5);
            if (path.startsWith("/ogc/wms")) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
                assertThat(r.body()).contains("<ServiceExceptionReport").contains("service unavailable");
            } else if (path.startsWith("/ogc/features")) {
                assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("ServiceUnavailable");
            } else {
                assertThat(JSON.readTree(r.body()).path("status").asInt()).isEqualTo(503);
            }
        }
        HttpResponse<String> page = get("/ogc/features/collections/roads/items?limit=1&f=html");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("ServiceUnavailable", "has not answered");
        System.out.printf("database down: health answered DOWN in %.2f s%n", healthSeconds);
        assertThat(healthSeconds).isLessThan(5);

        db.proxy().restore();
        long back = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - back < 10_000_000_000L && (status = get("/api/health").statusCode()) != 200) {
            Thread.sleep(100);
        }
        System.out.printf("database back: health UP after %.2f s%n", (System.nanoTime() - back) / 1e9);
        assertThat(status).isEqualTo(200);
        for (String path : READS) {
            assertThat(get(path).statusCode()).as(path + " after recovery").isIn(200, 204);
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }
}
