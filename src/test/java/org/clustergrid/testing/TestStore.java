package org.clustergrid.testing;

import java.nio.file.Path;
import java.util.stream.Stream;
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

    /** The store kinds a test runs on both of: {@code @MethodSource("org.clustergrid.testing.TestStore#kinds")}. */
    public static Stream<String> kinds() {
        return Stream.of("h2gis", "postgis");
    }

    /** A store of a kind of {@link #kinds}: an H2GIS file in {@code dir/store}, or a fresh PostGIS schema. */
    public static TestStore of(String kind, Path dir) {
        return kind.equals("h2gis") ? h2gis(dir.resolve("store")) : postgis();
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
