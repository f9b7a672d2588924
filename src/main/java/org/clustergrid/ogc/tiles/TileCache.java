package org.clustergrid.ogc.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.clustergrid.model.Layer;
import org.clustergrid.store.TileKey;

/**
 * Built tiles of one data version, the least recently used dropped beyond a byte budget. A map pans over the same
 * tiles again and again while the data stays put, and a tile costs the store far more than a lookup; a new data
 * version empties the cache, so no tile outlives the data it was built from.
 */
final class TileCache {
    private record Key(Layer layer, TileKey tile, boolean gzipped) {}

    private final long maxBytes;
    private final LinkedHashMap<Key, byte[]> tiles = new LinkedHashMap<>(1024, 0.75f, true);
    private long version = Long.MIN_VALUE;
    private long bytes;

    /** @param maxBytes the most the cached tiles may hold; 0 caches nothing */
    TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The tile of this data version, built by {@code build} when not cached; tiles of older versions are dropped. */
    byte[] tile(Layer layer, TileKey tile, long dataVersion, Supplier<byte[]> build) {
        return cachedOrBuilt(new Key(layer, tile, false), dataVersion, build);
    }

    /**
     * The tile gzipped, for clients that accept it: compressed once (an empty tile stays empty), rather than by the
     * connector on every request, which would cost more than the cache saves.
     */
    byte[] gzippedTile(Layer layer, TileKey tile, long dataVersion, Supplier<byte[]> build) {
        return cachedOrBuilt(new Key(layer, tile, true), dataVersion,
                () -> gzip(cachedOrBuilt(new Key(layer, tile, false), dataVersion, build)));
    }

    private byte[] cachedOrBuilt(Key key, long dataVersion, Supplier<byte[]> build) {
        byte[] cached = lookUp(key, dataVersion);
        if (cached != null) {
            return cached;
        }
        // built outside the lock: two requests for one new tile may both build it, but none waits on another's
        byte[] built = build.get();
        keep(key, built, dataVersion);
        return built;
    }

    static byte[] gzip(byte[] tile) {
        if (tile.length == 0) {
            return tile;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(tile.length / 2 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(tile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private synchronized byte[] lookUp(Key key, long dataVersion) {
        if (dataVersion != version) {
            tiles.clear();
            bytes = 0;
            version = dataVersion;
            return null;
        }
        return tiles.get(key);
    }

    private synchronized void keep(Key key, byte[] tile, long dataVersion) {
        if (dataVersion != version || tile.length > maxBytes) {
            return;
        }
        byte[] old = tiles.put(key, tile);
        bytes += tile.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<Key, byte[]>> eldest = tiles.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return tiles.size();
    }
}
