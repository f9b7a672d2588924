package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL itself stopped ({@code pg_ctlcluster stop -m fast}) and started again under 32 clients mixing WMS maps,
 * OGC API items, vector tiles and scores, anonymous and authenticated: no answer is an error other than 503 with
 * Retry-After, answers stay fast while the database is down, and the server answers 200 again within seconds of the
 * database's return, without a restart. Runs on a cluster of its own ({@link ThrowawayPostgres}).
 */
@ExtendWith({ThrowawayPostgres.Condition.class, OutputCaptureExtension.class})
class PostgresRestartUnderLoadTest extends ServerTest {
    static final String TOKEN = "restart-admin-token";
    static final int CLIENTS = 32;
    static final long BEFORE_MILLIS = 8_000;
    static final long DOWN_MILLIS = 6_000;
    static final long AFTER_MILLIS = 10_000;
    /** While the database is down every answer comes from the fail-fast path or a 2 s connect timeout at worst. */
    static final double DOWN_P99_BOUND_SECONDS = 3.0;
    /** The server must answer every request with 200 again this long after PostgreSQL accepts connections. */
    static final double RECOVERY_BOUND_SECONDS = 5.0;

    static ThrowawayPostgres pg;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry r) throws Exception {
        pg = ThrowawayPostgres.create();
        r.add("clustergrid.store", () -> "postgis");
        r.add("clustergrid.postgis.url", pg::url);
        r.add("clustergrid.postgis.user", () -> ThrowawayPostgres.USER);
        r.add("clustergrid.postgis.password", () -> "");
        r.add("clustergrid.demo.enabled", () -> "true");
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    @AfterAll
    static void dropCluster() {
        if (pg != null) {
            pg.close();
        }
    }

    @Autowired
    Accounts accounts;

    /** One answer: when it was asked (ms since the load began), how long it took, its status and Retry-After. */
    record Answer(String kind, long startMillis, double seconds, int status, String retryAfter, String body) {
        /** A 503 of the scoring pool (full, or a computation out of its budget), not of the store: fair at any time. */
        boolean busy() {
            return status == 503 && (body.contains("busy") || body.contains("time budget"));
        }

        long endMillis() {
            return startMillis + (long) (seconds * 1000);
        }
    }

    @Test
    void stoppingAndStartingPostgresUnderLoadGivesOnly503sWhileDownAndRecoversWithoutARestart(CapturedOutput log)
            throws Exception {
        String key = accounts.createKey("restart load", Role.ANALYST, null).secret();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        // the load ends AFTER_MILLIS after PostgreSQL is up again, however long its stop and start took (seconds
        // more on a busy machine): until then, an end no client reaches
        java.util.concurrent.atomic.AtomicLong end = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            String[] auth = switch (i % 4) {
                case 2 -> new String[] {"X-Admin-Token", TOKEN};
                case 3 -> new String[] {"X-API-Key", key};
                default -> new String[0];
            };
            int id = i;
            clients.submit(() -> load(new Random(42 + id), auth, t0, end, answers));
        }

        long stopping;
        long down;
        long starting;
        long up;
        try {
            Thread.sleep(BEFORE_MILLIS);
            stopping = millisSince(t0);
            pg.stop();
            down = millisSince(t0);
            Thread.sleep(DOWN_MILLIS);
            starting = millisSince(t0);
            pg.start();
            up = millisSince(t0);
            end.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AFTER_MILLIS));
        } finally {
            end.compareAndSet(Long.MAX_VALUE, System.nanoTime()); // a failed stop or start ends the load at once
            clients.shutdown(); // the clients stop by themselves at the end of the load
        }
        assertThat(clients.awaitTermination(AFTER_MILLIS + 60_000, TimeUnit.MILLISECONDS))
                .as("every client finished: no request hung").isTrue();

        List<Answer> all = new ArrayList<>(answers);
        // in flight when the stop began, a request may fairly get 503: "before" holds those answered by then
        List<Answer> before = all.stream().filter(a -> a.endMillis() < stopping).toList();
        List<Answer> during = between(all, down, starting);
        List<Answer> after = between(all, up, Long.MAX_VALUE);
        double recovery = (lastNot200(after) - up) / 1000.0;
        long unexpected = all.stream().filter(a -> !ok(a)).count();
        System.out.printf("PostgreSQL restart under load: %d requests by status %s; stop took %d ms, start %d ms%n",
                all.size(), byStatus(all), down - stopping, up - starting);
        System.out.printf("  before: %d requests %s, p50 %.3f s, p99 %.3f s%n", before.size(), byStatus(before),
                percentile(before, 50), percentile(before, 99));
        System.out.printf("  down:   %d requests %s, p50 %.3f s, p99 %.3f s, max %.3f s%n", during.size(),
                byStatus(during), percentile(during, 50), percentile(during, 99), percentile(during, 100));
        System.out.printf("  after:  %d requests %s, p50 %.3f s, p99 %.3f s; every answer 200 from %.2f s after"
                + " PostgreSQL was up%n", after.size(), byStatus(after), percentile(after, 50), percentile(after, 99),
                Math.max(0, recovery));
        all.stream().filter(a -> !ok(a)).limit(5).forEach(a -> System.out.println("  unexpected: " + a));
        long downLines = count(log.getOut(), "store does not answer; requests get 503");
        long backLines = count(log.getOut(), "store answers again");
        System.out.printf("  log: %d line(s) saying the store is down, %d saying it is back%n", downLines, backLines);

        assertThat(unexpected).as("answers other than 200 (204 for an empty tile) or 503 with Retry-After").isZero();
        assertThat(before).as("requests before the stop").isNotEmpty().allMatch(a -> a.status() != 503 || a.busy());
        assertThat(during.stream().filter(a -> a.status() == 503).count()).as("503s while down").isPositive();
        assertThat(percentile(during, 99)).as("p99 while PostgreSQL is down").isLessThan(DOWN_P99_BOUND_SECONDS);
        assertThat(after.stream().filter(a -> a.startMillis() > up + RECOVERY_BOUND_SECONDS * 1000))
                .as("requests once recovered").isNotEmpty();
        assertThat(recovery).as("seconds until every answer is 200 again").isLessThan(RECOVERY_BOUND_SECONDS);
        assertThat(downLines).as("one log line for the outage, however many requests saw it").isEqualTo(1);
        assertThat(backLines).as("one log line for the recovery").isEqualTo(1);
        HttpResponse<String> health = send("/api/health", HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    /** One client: requests picked at random until {@code end}, each answer recorded. */
    private void load(Random random, String[] auth, long t0, java.util.concurrent.atomic.AtomicLong end,
            ConcurrentLinkedQueue<Answer> answers) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        while (System.nanoTime() < end.get()) {
            String[] request = request(random, auth.length > 0);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(request[1]))).timeout(Duration.ofSeconds(30));
            if (auth.length > 0) {
                b.headers(auth);
            }
            long start = System.nanoTime();
            int status;
            String retryAfter = null;
            String body = "";
            try {
                HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                body = status == 200 ? "" : r.body().substring(0, Math.min(200, r.body().length()));
            } catch (Exception e) {
                status = -1; // timed out or the connection failed: counted as unexpected
                body = e.toString();
            }
            answers.add(new Answer(request[0], (start - t0) / 1_000_000, (System.nanoTime() - start) / 1e9, status,
                    retryAfter, body));
        }
    }

    /** A kind and a path over the demo region (80.04-80.58 E, 20.03-20.47 N), as the load bench asks. */
    static String[] request(Random random, boolean authenticated) {
        double size = 0.05;
        double lon = 80.04 + random.nextDouble() * (0.54 - size);
        double lat = 20.03 + random.nextDouble() * (0.44 - size);
        return switch (random.nextInt(4)) {
            case 0 -> new String[] {"wms", String.format(java.util.Locale.ROOT, "/ogc/wms?SERVICE=WMS&VERSION=1.3.0"
                    + "&REQUEST=GetMap&LAYERS=roads,clusters&STYLES=&CRS=EPSG:4326&WIDTH=256&HEIGHT=256"
                    + "&FORMAT=image/png&BBOX=%.5f,%.5f,%.5f,%.5f", lat, lon, lat + size, lon + size)};
            case 1 -> new String[] {"items", String.format(java.util.Locale.ROOT, "/ogc/features/collections/roads/items"
                    + "?f=json&limit=100&bbox=%.5f,%.5f,%.5f,%.5f", lon, lat, lon + size, lat + size)};
            case 2 -> new String[] {"tile", tile(random.nextInt(10, 14), lon, lat)};
            default -> new String[] {"scores", authenticated ? String.format("/api/scores?roads=%d&power=%d&finance=%d"
                    + "&markets=%d", random.nextInt(1, 6), random.nextInt(1, 6), random.nextInt(1, 6),
                    random.nextInt(1, 6)) : "/api/scores"};
        };
    }

    static String tile(int z, double lon, double lat) {
        double n = 1 << z;
        double r = Math.toRadians(lat);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return "/tiles/roads/" + z + "/" + x + "/" + y + ".mvt";
    }

    /** 200, 204 for a tile with nothing in it, or 503 that tells the client when to retry. */
    static boolean ok(Answer a) {
        return a.status() == 200 || (a.status() == 204 && a.kind().equals("tile"))
                || (a.status() == 503 && a.retryAfter() != null);
    }

    static List<Answer> between(List<Answer> all, long fromMillis, long toMillis) {
        return all.stream().filter(a -> a.startMillis() >= fromMillis && a.startMillis() < toMillis).toList();
    }

    /** When the last answer other than 200/204 was asked, or {@code Long.MIN_VALUE} when there was none. */
    static long lastNot200(List<Answer> answers) {
        return answers.stream().filter(a -> a.status() != 200 && a.status() != 204 && !a.busy())
                .mapToLong(Answer::startMillis)
                .max().orElse(Long.MIN_VALUE / 2);
    }

    static Map<Integer, Long> byStatus(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    static double percentile(List<Answer> answers, int p) {
        if (answers.isEmpty()) {
            return 0;
        }
        double[] s = answers.stream().mapToDouble(Answer::seconds).sorted().toArray();
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    static long count(String text, String line) {
        return text.lines().filter(l -> l.contains(line)).count();
    }

    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
