package org.clustergrid.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The PostGIS test set-up on each database a user can have: every case skips with its own reason (or fails when
 * PostGIS is required), and a missing database is created when the server lets us.
 */
class PostgisProbeTest {
    private static final String HOST = hostOf(PostgisTestDatabase.URL);

    @Test
    void noServerSkipsWithTheReasonAndFailsWhenRequired() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var target = new PostgisProbe.Target("jdbc:postgresql://127.0.0.1:" + closedPort + "/clustergrid_test",
                "postgres", "");
        String problem = PostgisProbe.problem(target, true, "postgis");
        assertThat(problem).startsWith("no PostgreSQL server answers there");
        assertThatThrownBy(() -> PostgisTestDatabase.skipOrFail(problem, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(problem);
        assertThatThrownBy(() -> PostgisTestDatabase.skipOrFail(problem, true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining(problem);
        PostgisTestDatabase.skipOrFail(null, true); // a usable database neither skips nor fails
    }

    @Test
    void wrongPasswordSkipsWithTheReason() throws Exception {
        try (var server = new PasswordRejectingServer()) {
            var target = new PostgisProbe.Target("jdbc:postgresql://127.0.0.1:" + server.port() + "/clustergrid_test",
                    "analyst", "wrong");
            assertThat(PostgisProbe.problem(target, true, "postgis"))
                    .startsWith("password authentication failed for user analyst (set CLUSTERGRID_TEST_POSTGIS_PASSWORD)");
        }
    }

    @Test
    void unknownRoleSkipsWithTheReason() {
        PostgisTestDatabase.requireAvailable();
        var target = new PostgisProbe.Target(PostgisTestDatabase.URL, "no_such_role_" + suffix(), "");
        assertThat(PostgisProbe.problem(target, true, "postgis")).startsWith("the server refused user no_such_role_");
    }

    @Test
    void missingDatabaseSkipsWhenNotToBeCreated() {
        PostgisTestDatabase.requireAvailable();
        var target = new PostgisProbe.Target(urlOf("cg_absent_" + suffix()), PostgisTestDatabase.USER,
                PostgisTestDatabase.PASSWORD);
        assertThat(PostgisProbe.problem(target, false, "postgis")).startsWith("the database does not exist");
    }

    @Test
    void missingDatabaseIsCreatedWithPostgisWhenTheServerLetsUs() throws Exception {
        PostgisTestDatabase.requireAvailable();
        String name = "cg_created_" + suffix();
        var target = new PostgisProbe.Target(urlOf(name), PostgisTestDatabase.USER, PostgisTestDatabase.PASSWORD);
        try {
            assertThat(PostgisProbe.problem(target, true, "postgis")).isNull();
            try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ST_AsText(ST_MakePoint(84, 28))")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("POINT(84 28)");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(urlOf("postgres"), target.user(), target.password());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void extensionMissingFromTheServerSkipsWithTheReason() throws Exception {
        PostgisTestDatabase.requireAvailable();
        try (Connection c = PostgisTestDatabase.connect()) {
            assertThat(PostgisProbe.missingExtension(c, "postgis", "no_such_extension"))
                    .startsWith("the no_such_extension extension is not installed on the server");
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String urlOf(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    private static String hostOf(String url) {
        String rest = url.substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    /**
     * Speaks just enough of the PostgreSQL protocol (v3) to refuse a password the way a server does: declines SSL,
     * asks for a clear-text password, then answers FATAL 28P01 — so the wrong-password case runs without a server
     * configured for passwords.
     */
    private static final class PasswordRejectingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread = new Thread(this::serve, "fake-postgres");

        PasswordRejectingServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    var in = new DataInputStream(client.getInputStream());
                    var out = new DataOutputStream(client.getOutputStream());
                    int length = in.readInt();
                    int code = in.readInt();
                    in.skipNBytes(length - 8);
                    if (code == 80877103) { // SSLRequest: no
                        out.write('N');
                        out.flush();
                        length = in.readInt();
                        in.skipNBytes(length - 4); // the startup message
                    }
                    out.write('R');
                    out.writeInt(8);
                    out.writeInt(3); // AuthenticationCleartextPassword
                    out.flush();
                    in.readByte(); // 'p'
                    in.skipNBytes(in.readInt() - 4);
                    byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"analyst\"\0\0")
                            .getBytes(StandardCharsets.US_ASCII);
                    out.write('E');
                    out.writeInt(4 + fields.length);
                    out.write(fields);
                    out.flush();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
