package org.clustergrid.ogc.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.clustergrid.model.Layer;
import org.clustergrid.store.TileKey;
import org.junit.jupiter.api.Test;

class TileCacheTest {
    private final AtomicInteger builds = new AtomicInteger();

    private Supplier<byte[]> builder(int size, int marker) {
        return () -> {
            builds.incrementAndGet();
            byte[] tile = new byte[size];
            if (size > 0) {
                tile[0] = (byte) marker;
            }
            return tile;
        };
    }

    @Test
    void buildsATileOncePerDataVersion() {
        TileCache cache = new TileCache(1_000);
        TileKey key = new TileKey(12, 2999, 1712);
        byte[] first = cache.tile(Layer.ROADS.id(), key, 1, builder(10, 1));
        byte[] again = cache.tile(Layer.ROADS.id(), key, 1, builder(10, 2));
        assertEquals(1, builds.get());
        assertArrayEquals(first, again);
        // another layer's tile at the same address is its own entry
        cache.tile(Layer.CLUSTERS.id(), key, 1, builder(10, 3));
        assertEquals(2, builds.get());
        // a new data version builds again and forgets the old tiles
        byte[] rebuilt = cache.tile(Layer.ROADS.id(), key, 2, builder(10, 4));
        assertEquals(4, rebuilt[0]);
        assertEquals(1, cache.size());
    }

    @Test
    void dropsTheLeastRecentlyUsedTilesBeyondTheBudget() {
        TileCache cache = new TileCache(25);
        TileKey a = new TileKey(10, 1, 1);
        TileKey b = new TileKey(10, 1, 2);
        TileKey c = new TileKey(10, 1, 3);
        cache.tile(Layer.ROADS.id(), a, 1, builder(10, 1));
        cache.tile(Layer.ROADS.id(), b, 1, builder(10, 2));
        cache.tile(Layer.ROADS.id(), a, 1, builder(10, 1)); // a is now the most recently used
        cache.tile(Layer.ROADS.id(), c, 1, builder(10, 3)); // 30 bytes > 25: b goes
        assertEquals(2, cache.size());
        int before = builds.get();
        cache.tile(Layer.ROADS.id(), a, 1, builder(10, 1));
        assertEquals(before, builds.get(), "a stayed");
        cache.tile(Layer.ROADS.id(), b, 1, builder(10, 2));
        assertEquals(before + 1, builds.get(), "b was dropped");
    }

    @Test
    void keepsEmptyTilesAndNothingWhenTheBudgetIsZero() {
        TileCache cache = new TileCache(0);
        TileKey key = new TileKey(3, 1, 1);
        cache.tile(Layer.ROADS.id(), key, 1, builder(5, 1));
        cache.tile(Layer.ROADS.id(), key, 1, builder(5, 1));
        assertEquals(2, builds.get(), "a zero budget caches no tile");
        TileCache empties = new TileCache(100);
        empties.tile(Layer.ROADS.id(), key, 1, builder(0, 0));
        empties.tile(Layer.ROADS.id(), key, 1, builder(0, 0));
        assertEquals(3, builds.get(), "an empty tile (204) is remembered too");
    }

    @Test
    void gzipsATileOnceFromTheCachedTile() throws Exception {
        TileCache cache = new TileCache(10_000);
        TileKey key = new TileKey(12, 2999, 1712);
        byte[] raw = cache.tile(Layer.ROADS.id(), key, 1, builder(300, 7));
        byte[] gz1 = cache.gzippedTile(Layer.ROADS.id(), key, 1, builder(300, 8));
        byte[] gz2 = cache.gzippedTile(Layer.ROADS.id(), key, 1, builder(300, 9));
        assertEquals(1, builds.get(), "the raw tile was built once and gzipped from the cache");
        assertArrayEquals(gz1, gz2);
        assertArrayEquals(raw, new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz1)).readAllBytes());
        assertEquals(0, cache.gzippedTile(Layer.ROADS.id(), new TileKey(1, 0, 0), 1, builder(0, 0)).length);
    }
}
