package org.clustergrid.app;

import java.util.concurrent.atomic.AtomicReference;
import org.clustergrid.store.DataState;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.SpatialStore;
import org.springframework.stereotype.Component;

/**
 * The store's {@link DataState}, read at most once a second: every read request checks it, and a query each would
 * cost more than many small answers themselves. Changes made through this server clear it at once
 * ({@link #invalidate}); an import by another process shows within a second.
 */
@Component
class DataStateCache implements DataStateSource {
    private static final long TTL_NANOS = 1_000_000_000L;

    private record Entry(DataState state, long readAt) {}

    private final SpatialStore store;
    private final AtomicReference<Entry> current = new AtomicReference<>();

    DataStateCache(SpatialStore store) {
        this.store = store;
    }

    @Override
    public DataState current() {
        Entry e = current.get();
        long now = System.nanoTime();
        if (e == null || now - e.readAt() > TTL_NANOS) {
            e = new Entry(store.dataState(), now);
            current.set(e);
        }
        return e.state();
    }

    void invalidate() {
        current.set(null);
    }
}
