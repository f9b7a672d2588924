package org.clustergrid.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clustergrid.testing.PostgisTestDatabase;

/** A {@link CrashChild} in its own JVM on the test class path, its {@code OPEN} and {@code DONE} lines watched. */
final class ChildJvm {
    /** The application name of a PostGIS child's database sessions ({@code pg_stat_activity.application_name}). */
    static final String APPLICATION = "clustergrid-crash-child";
    private final Process process;
    private final CountDownLatch open = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch written = new CountDownLatch(1);
    private final CountDownLatch scored = new CountDownLatch(1);
    private final CountDownLatch migrating = new CountDownLatch(1);
    private final List<String> tail = new ArrayList<>();
    private volatile long migratingNanos;
    private volatile long openNanos;

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CrashChild.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (args.length > 1 && args[1].startsWith(CrashChild.POSTGIS)) {
            // the parent's database, named so that the test can find the sessions a killed child left behind
            String url = PostgisTestDatabase.URL;
            builder.environment().put("CLUSTERGRID_TEST_POSTGIS_URL",
                    url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION);
            builder.environment().put("CLUSTERGRID_TEST_POSTGIS_USER", PostgisTestDatabase.USER);
            builder.environment().put("CLUSTERGRID_TEST_POSTGIS_PASSWORD", PostgisTestDatabase.PASSWORD);
        }
        return new ChildJvm(builder.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (tail) {
                    tail.add(line);
                    if (tail.size() > 40) {
                        tail.remove(0);
                    }
                }
                if (line.contains("org.flywaydb.core.FlywayExecutor")) { // Flyway has reached the database
                    migratingNanos = System.nanoTime();
                    migrating.countDown();
                }
                if (line.equals(CrashChild.SAYS + "OPEN")) {
                    openNanos = System.nanoTime();
                    open.countDown();
                } else if (line.equals(CrashChild.SAYS + "DONE")) {
                    done.countDown();
                } else if (line.equals(CrashChild.SAYS + "WRITTEN")) {
                    written.countDown();
                } else if (line.equals(CrashChild.SAYS + "SCORED")) {
                    scored.countDown();
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    /** True once the store is open; false when the process ended or the time ran out first. */
    boolean awaitOpen(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (open.await(20, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return open.getCount() == 0;
            }
        }
        return false;
    }

    /** True once a {@code score} child has saved its first scoring run. */
    boolean awaitScored(long millis) throws InterruptedException {
        return scored.await(millis, TimeUnit.MILLISECONDS);
    }

    /** True once Flyway, opening the store, has connected to the database and is about to migrate it. */
    boolean awaitMigrating(long millis) throws InterruptedException {
        return migrating.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Milliseconds from Flyway reaching the database to the store being open: how long opening it took. */
    long openingMillis() {
        return (openNanos - migratingNanos) / 1_000_000;
    }

    /** True once a {@code leave} child has its open import in the file. */
    boolean awaitWritten(long millis) throws InterruptedException {
        return written.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** The import committed: the child said so. */
    boolean done() {
        return done.getCount() == 0;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Closes the child's standard input: a holder closes its store and exits, as a server stopped normally. */
    void stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Its last lines of output, for a failure message. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }
}
