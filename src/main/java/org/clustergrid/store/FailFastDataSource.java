package org.clustergrid.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A data source that fails fast while the database is down: after a failed connect, requests in the next
 * {@link #RETRY_MILLIS} are refused at once with {@link StoreUnavailableException} instead of each waiting on the pool,
 * then one tries again. Recovery needs no restart: the first connect that succeeds clears the state.
 */
public final class FailFastDataSource implements DataSource {
    static final long RETRY_MILLIS = 1_000;
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FailFastDataSource.class);

    private final DataSource pool;
    private final String kind;
    /** Swapped atomically, so that of many requests failing or recovering at once only one logs the change. */
    private final AtomicReference<Outage> outage = new AtomicReference<>();

    /** Since when and why the store has been down, and when to try again. */
    public record Outage(Instant since, String reason, long retryAtMillis) {}

    FailFastDataSource(DataSource pool, String kind) {
        this.pool = pool;
        this.kind = kind;
    }

    /** The current outage, or null while the store answers. */
    public Outage outage() {
        return outage.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Outage o = outage.get();
        if (o != null && System.currentTimeMillis() < o.retryAtMillis()) {
            throw new StoreUnavailableException("the " + kind + " store has not answered since " + o.since(), null);
        }
        try {
            Connection c = pool.getConnection();
            Outage ended = o == null ? null : outage.getAndSet(null);
            if (ended != null) {
                LOG.info("the {} store answers again (it was down since {})", kind, ended.since());
            }
            return c;
        } catch (SQLException e) {
            String reason = StoreUnavailableException.reason(e);
            if (reason == null) {
                throw e;
            }
            Instant now = Instant.now();
            long retryAt = System.currentTimeMillis() + RETRY_MILLIS;
            Outage before = outage.getAndUpdate(
                    current -> new Outage(current != null ? current.since() : now, reason, retryAt));
            if (before == null) {
                LOG.warn("the {} store does not answer; requests get 503 until it does: {}", kind, reason);
            }
            throw new StoreUnavailableException("the " + kind + " store does not answer", e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the store's pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
