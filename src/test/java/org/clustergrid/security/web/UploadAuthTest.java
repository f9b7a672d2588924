package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 50 MB upload without the admin role is answered at once, from the headers, and nothing of it reaches the disk:
 * the security filters run before the multipart body is read.
 */
class UploadAuthTest extends ServerTest {
    static final long SIZE = 50L * 1024 * 1024;
    static Path multipartDir;

    @DynamicPropertySource
    static void uploadsHere(DynamicPropertyRegistry r) throws Exception {
        multipartDir = Files.createTempDirectory("clustergrid-multipart-test");
        r.add("spring.servlet.multipart.location", multipartDir::toString);
    }

    @Autowired
    Accounts accounts;

    @Test
    void aLargeUploadWithoutTheRoleIsRefusedBeforeItIsRead() throws Exception {
        Set<String> before = uploadDirs();
        assertThat(send(null)).startsWith("HTTP/1.1 401");
        assertThat(send(accounts.createKey("viewer", Role.VIEWER, null).secret())).startsWith("HTTP/1.1 403");
        try (Stream<Path> files = Files.list(multipartDir)) {
            assertThat(files).as("multipart temp files").isEmpty();
        }
        assertThat(uploadDirs()).as("import folders").isEqualTo(before);
    }

    private static Set<String> uploadDirs() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("clustergrid-upload"))
                    .collect(Collectors.toSet());
        }
    }

    /** Sends the headers of a 50 MB multipart upload, then the body from another thread; returns the status line. */
    private String send(String key) throws Exception {
        String boundary = "big-upload";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nosm\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.osm.pbf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/imports HTTP/1.1\r\nHost: localhost\r\n"
                    + (key == null ? "" : "X-API-Key: " + key + "\r\n")
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + (head.length + SIZE + tail.length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.flush();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (long sent = 0; sent < SIZE; sent += chunk.length) {
                        out.write(chunk);
                    }
                    out.write(tail);
                } catch (Exception e) {
                    // the server answered and closed the connection without reading the body: expected
                }
            });
            writer.setDaemon(true);
            long start = System.nanoTime();
            writer.start();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("answered at once")
                    .isLessThan(3000);
            return status;
        }
    }
}
