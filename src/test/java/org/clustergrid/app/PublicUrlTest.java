package org.clustergrid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code clustergrid.public-url} set, every absolute link names it, whatever forwarded headers a client sends:
 * behind a proxy the links are right, and a client cannot plant another host in them.
 */
class PublicUrlTest extends ServerTest {
    static final String PUBLIC = "https://maps.example.gov/clustergrid";
    static final String[] PLANTED = {"X-Forwarded-Host", "attacker.example", "X-Forwarded-Proto", "http",
        "Forwarded", "host=attacker.example;proto=http"};

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry r) {
        r.add("clustergrid.public-url", () -> PUBLIC + "/");
    }

    @Test
    void linksNameThePublicUrlAndNotWhatTheClientSends() throws Exception {
        HttpResponse<String> landing = send("/ogc/features?f=json", HttpResponse.BodyHandlers.ofString(), PLANTED);
        assertThat(landing.statusCode()).isEqualTo(200);
        JsonNode links = JSON.readTree(landing.body()).path("links");
        assertThat(links).isNotEmpty();
        links.forEach(l -> assertThat(l.path("href").asText()).startsWith(PUBLIC + "/ogc/features"));

        HttpResponse<String> caps = send("/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0",
                HttpResponse.BodyHandlers.ofString(), PLANTED);
        assertThat(caps.body()).contains("xlink:href=\"" + PUBLIC + "/ogc/wms")
                .doesNotContain("attacker.example").doesNotContain("localhost");

        HttpResponse<String> tileJson = send("/tiles/roads.json", HttpResponse.BodyHandlers.ofString(), PLANTED);
        assertThat(JSON.readTree(tileJson.body()).path("tiles").get(0).asText()).startsWith(PUBLIC + "/tiles/roads/");

        HttpResponse<String> page = send("/api/clusters?limit=2", HttpResponse.BodyHandlers.ofString(), PLANTED);
        assertThat(page.body()).contains(PUBLIC + "/api/clusters?limit=2").doesNotContain("attacker.example");
    }

    @Test
    void aPublicUrlMustBeAnAbsoluteHttpUrl() {
        assertThat(PublicUrl.headersOf("http://10.0.0.5:8081")).containsEntry("x-forwarded-port", "8081")
                .containsEntry("x-forwarded-prefix", "");
        assertThatThrownBy(() -> PublicUrl.headersOf("maps.example.gov")).hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> PublicUrl.headersOf("ftp://maps.example.gov")).hasMessageContaining("clustergrid.public-url");
    }
}
