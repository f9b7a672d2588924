package org.clustergrid.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Connections to the embedded H2GIS file {@code clustergrid.mv.db}, shared by the server and the import command.
 *
 * <p>The first process to open the file holds it and serves the others over H2's TCP server (AUTO_SERVER). That
 * server listens on the loopback interface only ({@code h2.bindAddress}, set here before H2 reads it) and the user
 * needs the password of {@link H2Secret}; when H2 was loaded with another bind address, the file is opened without
 * the server (one process at a time) rather than open to the network.
 *
 * <p>When H2 cannot open the file because a killed process left a transaction in it, the transaction is finished by
 * {@link H2LeftoverTransactions} and the file opened again; a store from before the password gets it on first open.
 */
final class H2FileDataSource extends PlainDataSource {
    private static final String USER = "sa";

    static {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** How many stores of this JVM have each database file open: see {@link #hold}. */
    private static final Map<Path, Integer> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final String url;
    private final String password;
    private final AtomicBoolean released = new AtomicBoolean();

    private H2FileDataSource(Path file, String url, String password) {
        this.file = file;
        this.url = url;
        this.password = password;
    }

    /**
     * The data source of {@code dataDir}'s store, for a store about to be opened; {@link #release} when it is closed.
     * Leftover transactions are finished first, unless another store of this JVM has the file open: opening the file
     * a second time from the same JVM and closing it again would drop that store's file lock.
     */
    static H2FileDataSource hold(Path dataDir, String password) {
        Path base = dataDir.toAbsolutePath().normalize().resolve("clustergrid");
        Path file = Path.of(base + ".mv.db");
        // WRITE_DELAY=0: a commit is in the file when it returns (by default H2 writes it up to half a second later,
        // so a kill just after an import reported success lost it); MAX_COMPACT_TIME=0: no chunks moved when the
        // store closes (H2 2.3.232 moves them there, and a kill amid the move left a file it could not open: "Double
        // mark"); the long lock timeout lets an import wait for another one instead of failing
        String url = "jdbc:h2:file:" + base + (serverOnLoopbackOnly() ? ";AUTO_SERVER=TRUE" : "")
                + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0;LOCK_TIMEOUT=600000";
        H2FileDataSource source = new H2FileDataSource(file, url, password);
        if (HELD.merge(file, 1, Integer::sum) == 1) {
            try {
                H2LeftoverTransactions.finish(file);
            } catch (RuntimeException e) {
                source.release();
                throw new StoreException("could not finish the transactions a stopped process left in " + file, e);
            }
        }
        return source;
    }

    /** Called once when the store using it is closed (or failed to open). */
    void release() {
        if (released.compareAndSet(false, true)) {
            HELD.computeIfPresent(file, (f, n) -> n == 1 ? null : n - 1);
        }
    }

    String url() {
        return url;
    }

    /** True when H2's TCP server would listen on a loopback address only. */
    static boolean serverOnLoopbackOnly() {
        String bind = SysProperties.BIND_ADDRESS;
        try {
            return bind != null && InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return open(password);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                return setPassword(e);
            }
            throw e;
        }
    }

    private Connection open(String userPassword) throws SQLException {
        try {
            return DriverManager.getConnection(url, USER, userPassword);
        } catch (SQLException e) {
            if (openFailed(e) && H2LeftoverTransactions.finish(file)) {
                return DriverManager.getConnection(url, USER, userPassword);
            }
            throw e;
        }
    }

    /** An error from opening the file itself, not from its lock: only then does no process of ours hold it. */
    private static boolean openFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m) {
                return m.getErrorCode() != DataUtils.ERROR_FILE_LOCKED;
            }
        }
        return false;
    }

    /** Gives a store made before the password (user {@code sa}, empty password) the password. */
    private Connection setPassword(SQLException wrongPassword) throws SQLException {
        try (Connection c = open("");
                Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            wrongPassword.addSuppressed(e);
            throw wrongPassword;
        }
        return open(password);
    }
}
