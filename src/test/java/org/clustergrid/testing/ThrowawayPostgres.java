package org.clustergrid.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL 15 cluster of the test's own on a free port, made with Debian's postgresql-common tools (trust auth,
 * loopback only), with a database {@code clustergrid} holding PostGIS and pgRouting; the test may stop and start it.
 * {@link #close} drops it, as does a shutdown hook should the test JVM end first. Tests using it are skipped with the
 * reason when the tools, PostgreSQL 15, the extensions or root are missing ({@link Condition}), or fail when
 * {@code clustergrid.test.requirePostgis=true} (CI).
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private static final String VERSION = "15";
    private static final String[] TOOLS = {"pg_createcluster", "pg_ctlcluster", "pg_dropcluster"};
    public static final String DATABASE = "clustergrid";
    public static final String USER = "postgres";

    private final String name;
    private final int port;
    private final Thread dropOnExit;
    private volatile boolean dropped;

    private ThrowawayPostgres(String name, int port) {
        this.name = name;
        this.port = port;
        this.dropOnExit = new Thread(this::drop, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    /** Creates and starts the cluster and its database; drops it again when any step fails. */
    public static ThrowawayPostgres create() throws Exception {
        String name = "cgfault" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        run("pg_createcluster", VERSION, name, "-p", String.valueOf(port), "--", "--auth=trust");
        ThrowawayPostgres pg = new ThrowawayPostgres(name, port);
        try {
            pg.start();
            try (Connection c = DriverManager.getConnection(pg.url("postgres"), USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            try (Connection c = DriverManager.getConnection(pg.url(DATABASE), USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION postgis");
                s.execute("CREATE EXTENSION pgrouting");
            }
            return pg;
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    public String url() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String name() {
        return name;
    }

    /** {@code pg_ctlcluster stop -m fast}: sessions are ended, the server shuts down cleanly. */
    public void stop() throws IOException, InterruptedException {
        run("pg_ctlcluster", VERSION, name, "stop", "-m", "fast");
    }

    /** {@code pg_ctlcluster start}, which returns once the server accepts connections. */
    public void start() throws IOException, InterruptedException {
        run("pg_ctlcluster", VERSION, name, "start");
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private synchronized void drop() {
        if (dropped) {
            return;
        }
        try {
            run("pg_dropcluster", "--stop", VERSION, name);
            dropped = true;
        } catch (IOException | InterruptedException e) {
            System.err.println("could not drop the PostgreSQL cluster " + VERSION + "/" + name + ": " + e.getMessage());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readNBytes(64_000), StandardCharsets.UTF_8).trim();
        if (!ended) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 120 s: " + out);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        }
    }

    /** Null when a cluster can be made here, else why not. */
    static String problem() {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return "Debian's postgresql-common tools are missing (" + String.join(", ", missing)
                    + "; apt-get install postgresql-common)";
        }
        if (!Files.isExecutable(Path.of("/usr/lib/postgresql", VERSION, "bin", "postgres"))) {
            return "PostgreSQL " + VERSION + " is not installed (apt-get install postgresql-" + VERSION + ")";
        }
        for (String extension : new String[] {"postgis", "pgrouting"}) {
            if (!Files.exists(Path.of("/usr/share/postgresql", VERSION, "extension", extension + ".control"))) {
                return "the " + extension + " extension is not installed for PostgreSQL " + VERSION;
            }
        }
        String user = ProcessHandle.current().info().user().orElse("?");
        if (!user.equals("root")) {
            return "making a PostgreSQL cluster with pg_createcluster needs root; the tests run as " + user;
        }
        return null;
    }

    /** Skips the class with the reason when no cluster can be made, or fails it when PostGIS is required. */
    public static final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String problem = problem();
            if (problem == null) {
                return ConditionEvaluationResult.enabled("a throwaway PostgreSQL cluster can be made");
            }
            String reason = "no throwaway PostgreSQL cluster: " + problem;
            if (PostgisTestDatabase.required()) {
                throw new IllegalStateException(reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
