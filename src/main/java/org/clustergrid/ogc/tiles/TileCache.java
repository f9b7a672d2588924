package org.clustergrid.ogc.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.clustergrid.cache.VersionedCache;
import org.clustergrid.store.TileKey;

/**
 * Built tiles of one data version, plain and gzipped. A map pans over the same tiles again and again while the data
 * stays put, and a tile costs the store far more than a lookup.
 */
final class TileCache {
    /** @param layer a built-in layer's id or a context layer's name: they never clash */
    private record Key(String layer, TileKey tile, boolean gzipped) {}

    private final VersionedCache<Key, byte[]> tiles;

    /** @param maxBytes the most the cached tiles may hold; 0 caches nothing */
    TileCache(long maxBytes) {
        this.tiles = new VersionedCache<>(maxBytes, tile -> tile.length);
    }

    /** The tile of this data version, built by {@code build} when not cached; tiles of older versions are dropped. */
    byte[] tile(String layer, TileKey tile, long dataVersion, Supplier<byte[]> build) {
        return tiles.get(new Key(layer, tile, false), dataVersion, build);
    }

    /**
     * The tile gzipped, for clients that accept it: compressed once (an empty tile stays empty), rather than by the
     * connector on every request, which would cost more than the cache saves.
     */
    byte[] gzippedTile(String layer, TileKey tile, long dataVersion, Supplier<byte[]> build) {
        return tiles.get(new Key(layer, tile, true), dataVersion,
                () -> gzip(tile(layer, tile, dataVersion, build)));
    }

    static byte[] gzip(byte[] tile) {
        if (tile.length == 0) {
            return tile;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tile.length / 2 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(tile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    int size() {
        return tiles.size();
    }
}
