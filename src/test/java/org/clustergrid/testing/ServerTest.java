package org.clustergrid.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server over HTTP on a random port, on a fresh embedded store that it fills with the demo region on start. Each
 * test class gets its own server and store (the context is closed after the class), since several change the data.
 */
@SpringBootTest(classes = org.clustergrid.app.ClusterGridApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ServerTest {
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void freshStore(DynamicPropertyRegistry r) throws Exception {
        Path dir = Files.createTempDirectory("clustergrid-server-test");
        r.add("clustergrid.data-dir", dir::toString);
    }

    /** {@code path} on this server, or {@code path} itself when it already is an absolute URL. */
    protected String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }

    /**
     * {@code method} on {@code path} (see {@link #url}) with an API key (null for none), a body of {@code contentType}
     * (null for none) and the given header name/value pairs.
     */
    protected HttpResponse<String> exchange(String method, String path, String key, String contentType, String body,
            String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code path} (see {@link #url}) with the given header name/value pairs. */
    protected <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), body);
    }
}
