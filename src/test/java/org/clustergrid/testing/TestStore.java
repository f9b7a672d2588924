package org.clustergrid.testing;

import java.nio.file.Path;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;

/** A store opened for one test: an H2GIS file in a temporary folder, or a fresh PostGIS schema dropped on close. */
public final class TestStore implements AutoCloseable {
    private final SpatialStore store;
    private final StoreSettings postgis;

    private TestStore(SpatialStore store, StoreSettings postgis) {
        this.store = store;
        this.postgis = postgis;
    }

    public static TestStore h2gis(Path dir) {
        return new TestStore(StoreFactory.open(StoreSettings.h2gis(dir)), null);
    }

    /** Skips (or fails in CI) when PostGIS is not reachable. */
    public static TestStore postgis() {
        StoreSettings settings = PostgisTestDatabase.freshSchema();
        return new TestStore(StoreFactory.open(settings), settings);
    }

    public SpatialStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        if (postgis != null) {
            PostgisTestDatabase.dropSchema(postgis);
        }
    }
}
