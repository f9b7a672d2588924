package org.clustergrid.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Hostile requests are refused quickly, naming the limit and its setting; expensive ones run on a bounded pool with a
 * time budget and stop when their client goes away. The pool has one thread and one queue place here, and draws are
 * allowed up to 2^31 so that a profile can be made to run for as long as a test needs.
 */
@TestPropertySource(properties = {"clustergrid.limits.work-threads=1", "clustergrid.limits.work-queue=1",
    "clustergrid.limits.work-time=4s", "clustergrid.limits.retry-after=7s",
    "clustergrid.limits.profile.draws=2147483647", "clustergrid.limits.profile-body=64KB",
    "clustergrid.limits.geometry-vertices=2000", "clustergrid.limits.body=16KB",
    "clustergrid.admin.token=" + LimitsHttpTest.TOKEN})
class LimitsHttpTest extends ServerTest {
    static final String PROFILE = "gis-data/profiles/default.yaml";
    /** Custom profiles and geometries need the analyst role: the limits apply to those who may send them. */
    static final String TOKEN = "limits-token";

    @Autowired
    BoundedWork work;

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(postRequest(path, type, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest postRequest(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", type)
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String message(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("message").asText();
    }

    static String profile(String from, String to) throws Exception {
        String yaml = Files.readString(Path.of(PROFILE));
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }

    static String endlessProfile() throws Exception {
        return draws(2_000_000_000);
    }

    @Test
    void profileOnlyAsYamlWithinItsBodyLimitAndValueLimits() throws Exception {
        String yaml = Files.readString(Path.of(PROFILE));
        assertThat(post("/api/scores/profile", "text/plain", yaml).statusCode()).isEqualTo(415);
        assertThat(post("/api/scores/profile", "application/x-www-form-urlencoded", yaml).statusCode()).isEqualTo(415);
        assertThat(post("/api/scores/profile", "application/yaml", yaml).statusCode()).isEqualTo(200);
        assertThat(post("/api/scores/profile", "application/yaml", "").statusCode()).isEqualTo(400);

        // declared too large: refused before the body is read
        HttpResponse<String> big = post("/api/scores/profile", "application/yaml", yaml + "#" + "x".repeat(70_000));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(message(big)).contains("65536 bytes", "clustergrid.limits.profile-body");
        // sent in chunks, without a length: refused once the limit is passed while reading
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(url("/api/scores/profile")))
                .header("Content-Type", "application/yaml").header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(("#" + "x".repeat(200_000)).getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(message(chunked)).contains("clustergrid.limits.profile-body");

        StringBuilder curve = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            curve.append(i == 0 ? "" : ", ").append("[").append(i * 100).append(", ").append(100 - i % 100).append("]");
        }
        HttpResponse<String> longCurve = post("/api/scores/profile", "application/yaml", profile(
                "curve: [[2000, 100], [5000, 60], [15000, 10], [30000, 0]]", "curve: " + curve + "]"));
        assertThat(longCurve.statusCode()).as(longCurve.body()).isEqualTo(400);
        assertThat(message(longCurve)).contains("indicators.bank_distance.curve is 101 points",
                "clustergrid.limits.profile.curve-points");
    }

    @Test
    void anEndlessProfileIsStoppedAtItsTimeBudget() throws Exception {
        long cancelled = work.cancelledCount();
        long start = System.nanoTime();
        HttpResponse<String> r = post("/api/scores/profile", "application/yaml", endlessProfile());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(message(r)).contains("time budget of 4 s", "clustergrid.limits.work-time");
        assertThat(seconds).isBetween(3.5, 30.0);
        assertThat(work.cancelledCount()).isGreaterThan(cancelled);
        awaitIdle(5);
    }

    @Test
    void aFullPoolAnswers503WithRetryAfterAndTheComputationStopsWhenItsClientLeaves() throws Exception {
        awaitIdle(10);
        long cancelled = work.cancelledCount();
        // the client sends the request and goes away at once
        String body = endlessProfile();
        try (Socket s = startEndlessProfile()) {
            // the pool's one thread is busy and its queue holds one more: the next is refused at once
            CompletableFuture<HttpResponse<String>> queued = http.sendAsync(
                    postRequest("/api/scores/profile", "application/yaml", body), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            long start = System.nanoTime();
            HttpResponse<String> busy = post("/api/scores/profile", "application/yaml", body);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("7");
            assertThat(message(busy)).contains("clustergrid.limits.work-threads", "clustergrid.limits.work-queue");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
            assertThat(queued.get().statusCode()).isEqualTo(503); // its budget ran out while it waited
        }
        assertThat(work.cancelledCount()).isGreaterThan(cancelled);
        awaitIdle(5);
    }

    /** The connection is probed twice a second: the work stops long before its 4 s budget would stop it. */
    @Test
    void aComputationStopsWithinASecondOfItsClientHangingUp() throws Exception {
        awaitIdle(10);
        long cancelled = work.cancelledCount();
        long start;
        try (Socket s = startEndlessProfile()) {
            start = System.nanoTime();
        }
        waitUntil(() -> work.activeCount() == 0, 8);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("computation stopped %.2f s after its client went away%n", seconds);
        assertThat(work.cancelledCount()).isGreaterThan(cancelled);
        assertThat(seconds).as("stopped when its client left, not by its 4 s budget").isLessThan(1.5);
    }

    /**
     * A probe that meets the next request of a pipelining client hands its byte back: the computation is not taken
     * for a hang-up and completes, and the second request is answered in turn, intact. (A 503 would close the
     * connection, so the computation here is one that ends within its budget, yet lasts several probes.)
     */
    @Test
    void aPipelinedRequestBehindAComputationIsNeitherTakenForAHangUpNorDamaged() throws Exception {
        awaitIdle(10);
        // well past the second it must last: the calibration runs colder (less compiled) than the run that counts
        // (1.2 s in calibration once gave 0.93 s)
        String aWhile = drawsFor(1.8);
        long cancelled = work.cancelledCount();
        long start = System.nanoTime();
        try (Socket s = startProfile(aWhile)) {
            s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(15_000);
            String answers = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("pipelined: computation answered after %.2f s%n", seconds);
            assertThat(seconds).as("long enough to be probed").isGreaterThan(1.0);
            assertThat(answers).startsWith("HTTP/1.1 200").contains("\"clusters\":[{");
            assertThat(answers.substring(answers.indexOf("HTTP/1.1 200", 1))).contains("\"status\":\"UP\"");
        }
        assertThat(work.cancelledCount()).isEqualTo(cancelled);
    }

    @Test
    void geometryScoringRefusesEmptyHugeAndScribbledBodies() throws Exception {
        assertThat(post("/api/scores/geometry", "application/json", "").statusCode()).isEqualTo(400);
        assertThat(post("/api/scores/geometry", "application/json", "   ").statusCode()).isEqualTo(400);
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= 2500; i++) {
            double a = 2 * Math.PI * (i % 2500) / 2500;
            ring.append(i == 0 ? "" : ",").append('[').append(80.3 + 0.05 * Math.cos(a)).append(',')
                    .append(20.25 + 0.05 * Math.sin(a)).append(']');
        }
        HttpResponse<String> many = post("/api/scores/geometry", "application/json",
                "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}");
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(message(many)).contains("2501 vertices", "clustergrid.limits.geometry-vertices");
        // 400 random vertices cross each other thousands of times: refused before a repair that would take seconds
        java.util.Random random = new java.util.Random(7);
        StringBuilder scribble = new StringBuilder();
        String first = null;
        for (int i = 0; i < 400; i++) {
            String p = "[" + (80.25 + 0.1 * random.nextDouble()) + "," + (20.2 + 0.1 * random.nextDouble()) + "]";
            first = first == null ? p : first;
            scribble.append(p).append(',');
        }
        long start = System.nanoTime();
        HttpResponse<String> crossing = post("/api/scores/geometry", "application/json",
                "{\"type\":\"Polygon\",\"coordinates\":[[" + scribble + first + "]]}");
        assertThat(crossing.statusCode()).isEqualTo(400);
        assertThat(message(crossing)).contains("cross more than 100 times", "clustergrid.limits.geometry-crossings");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        // a bow tie still gets repaired and scored
        assertThat(post("/api/scores/geometry", "application/json", "{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[80.2,20.2],[80.3,20.3],[80.3,20.2],[80.2,20.3],[80.2,20.2]]]}").statusCode()).isEqualTo(200);
    }

    @Test
    void numericParametersOfTheScoringApiAreChecked() throws Exception {
        for (String bad : List.of("roads=NaN", "roads=Infinity", "roads=-1", "power=-Infinity", "roads=x",
                "roads=1e309")) {
            HttpResponse<String> r = get("/api/scores?f=json&" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(message(r)).contains("must be a finite number of 0 or more");
        }
        // huge weights are normalised without overflowing: two equal ones share the weight
        JsonNode huge = JSON.readTree(get("/api/scores?f=json&roads=1e308&power=1e308").body());
        assertThat(huge.path("weights").path("roads").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(huge.path("weights").path("power").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        for (String query : List.of("lon=80.3&lat=20.25&size=-5", "lon=80.3&lat=20.25&size=1.5",
                "lon=80.3&lat=20.25&size=99999999999", "lon=NaN&lat=20.25", "lon=80.3&lat=NaN",
                "lon=Infinity&lat=20.25", "lon=80.3&lat=20.25&roads=-2")) {
            HttpResponse<String> r = get("/api/scores/point?" + query);
            assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(400);
        }
        assertThat(get("/api/scores/point?lon=80.3&lat=20.25&size=0").statusCode()).isEqualTo(200);
        HttpResponse<String> longF = get("/api/scores?f=" + "z".repeat(5000));
        assertThat(longF.statusCode()).isEqualTo(400);
        assertThat(longF.body().length()).isLessThan(500);
    }

    @Test
    void otherBodiesAreBoundedToo() throws Exception {
        HttpResponse<String> r = post("/api/scores/point?lon=80.3&lat=20.25", "application/json",
                "x".repeat(20_000));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(message(r)).contains("clustergrid.limits.body");
    }

    @Test
    void filtersWithHugeNumbersAreRefusedAtOnceWithShortErrors() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (String f : List.of("firms BETWEEN 0 AND 1e999999999", "firms = 1e-2147483647", "id = 1e10000000",
                "firms BETWEEN 0 AND 1e999999999", "firms BETWEEN 0 AND 1e999999999", "firms BETWEEN 0 AND 1e999999999",
                "firms BETWEEN 0 AND 1e999999999", "firms BETWEEN 0 AND 1e999999999")) {
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url("/ogc/features/collections/clusters/items"
                    + "?filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8)))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : all) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("outside the range a filter may compare").hasSizeLessThan(600);
        }
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        HttpResponse<String> ok = get("/ogc/features/collections/clusters/items?filter="
                + URLEncoder.encode("firms BETWEEN 0 AND 1e300", StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void wmsRefusesAbsurdBoxesAsServiceExceptions() throws Exception {
        String base = "/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=clustergrid&STYLES=&FORMAT=image/png"
                + "&WIDTH=256&HEIGHT=256";
        for (String box : List.of("CRS=EPSG:4326&BBOX=-1e308,-1e308,1e308,1e308", "CRS=CRS:84&BBOX=-1e308,0,1e308,1",
                "CRS=EPSG:3857&BBOX=-1e308,-1e308,1e308,1e308", "CRS=CRS:84&BBOX=0,-2000,1,1", "CRS=EPSG:3857&BBOX=0,0,2e9,1",
                "CRS=CRS:84&BBOX=0,0,NaN,1", "CRS=CRS:84&BBOX=0,0,Infinity,1")) {
            HttpResponse<String> r = get(base + "&" + box);
            assertThat(r.headers().firstValue("content-type").orElse("")).as(box).contains("xml");
            assertThat(r.body()).as(box).contains("ServiceException", "InvalidParameterValue");
        }
        HttpResponse<String> wide = get(base.replace("WIDTH=256", "WIDTH=100000") + "&CRS=CRS:84&BBOX=80,20,81,21");
        assertThat(wide.body()).contains("ServiceException", "4096");
        assertThat(get(base + "&CRS=CRS:84&BBOX=170,20,190,21").headers().firstValue("content-type"))
                .contains("image/png");
    }

    /** A profile whose stability draws keep this machine's scoring busy for {@code seconds} or a little more. */
    String drawsFor(double seconds) throws Exception {
        int draws = 20_000;
        while (draws < 1_000_000_000) {
            long start = System.nanoTime();
            assertThat(post("/api/scores/profile", "application/yaml", draws(draws)).statusCode()).isEqualTo(200);
            double took = (System.nanoTime() - start) / 1e9;
            if (took >= seconds) {
                return draws(draws);
            }
            // just past the target once a run is long enough to time, so no run nears the 4 s budget; else double
            draws = took > 0.2 ? (int) Math.min(1e9, draws * seconds / took * 1.15) : draws * 2;
        }
        throw new AssertionError("scoring never took " + seconds + " s");
    }

    static String draws(int n) throws Exception {
        return profile("stability_draws:           {value: 500,", "stability_draws:           {value: " + n + ",");
    }

    /** Sends an endless profile over a raw connection, which the caller closes, once its computation runs. */
    Socket startEndlessProfile() throws Exception {
        return startProfile(endlessProfile());
    }

    Socket startProfile(String profile) throws Exception {
        byte[] bytes = profile.getBytes(StandardCharsets.UTF_8);
        Socket s = new Socket("localhost", port);
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/scores/profile HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                + "X-Admin-Token: " + TOKEN + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        waitUntil(() -> work.activeCount() == 1, 3);
        return s;
    }

    void awaitIdle(double seconds) throws Exception {
        waitUntil(() -> work.activeCount() == 0, seconds);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s s", seconds).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
