package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The roles of every endpoint with anonymous read off: then reading needs the viewer role too. */
class EndpointRolesNoAnonymousSecurityTest extends EndpointRoles {
    @DynamicPropertySource
    static void noAnonymousRead(DynamicPropertyRegistry r) {
        r.add("clustergrid.security.anonymous-read", () -> "false");
    }

    @Override
    boolean anonymousRead() {
        return false;
    }

    @Test
    void browsersAreSentToTheSignInPageAndOtherClientsGetTheirOwnErrors() throws Exception {
        HttpResponse<String> page = send("/?x=1", HttpResponse.BodyHandlers.ofString(), "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?next=%2F%3Fx%3D1");

        HttpResponse<String> wms = send("/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities",
                HttpResponse.BodyHandlers.ofString());
        assertThat(wms.statusCode()).isEqualTo(401);
        assertThat(wms.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(wms.body()).contains("<ServiceExceptionReport version=\"1.3.0\"");
        assertThat(wms.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");

        HttpResponse<String> features = send("/ogc/features/collections", HttpResponse.BodyHandlers.ofString(),
                "Accept", "application/json");
        assertThat(features.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(features.body()).path("code").asText()).isEqualTo("Unauthorized");

        HttpResponse<String> api = send("/api/layers", HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(api.body()).path("status").asInt()).isEqualTo(401);
        assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

        String key = accounts.createKey("reader", org.clustergrid.security.Role.VIEWER, null).secret();
        HttpResponse<String> read = send("/api/layers", HttpResponse.BodyHandlers.ofString(), "X-API-Key", key);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Cache-Control").orElseThrow()).as("kept from shared caches")
                .startsWith("private");
    }
}
