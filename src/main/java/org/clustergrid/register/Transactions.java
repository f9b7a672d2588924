package org.clustergrid.register;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.clustergrid.store.StoreException;

/** One edit, one transaction: committed when the work returns, rolled back when it throws or finds nothing to do. */
public final class Transactions {
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Thrown by work that found nothing to change: rolled back (no version, no new data version), answered as is. */
    static final class Unchanged extends RuntimeException {
        private final transient Object answer;

        Unchanged(Object answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        /** What the work answers: the state found unchanged. */
        Object answer() {
            return answer;
        }
    }

    /** What to do once a transaction commits, by its connection: dropped when it rolls back. */
    private static final java.util.Map<Connection, java.util.List<Runnable>> AFTER_COMMIT =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private final DataSource dataSource;

    /** Runs {@code then} once the transaction on {@code c} (one {@link #write} runs) commits; never if it does not. */
    static void afterCommit(Connection c, Runnable then) {
        AFTER_COMMIT.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(then);
    }

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T write(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                java.util.List<Runnable> then = AFTER_COMMIT.remove(c);
                if (then != null) {
                    then.forEach(Runnable::run);
                }
                return out;
            } catch (Unchanged u) {
                c.rollback();
                @SuppressWarnings("unchecked")
                T out = (T) u.answer;
                return out;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                AFTER_COMMIT.remove(c);
            }
        } catch (SQLException e) {
            throw new StoreException("could not change the cluster register", e);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("could not read the cluster register", e);
        }
    }
}
