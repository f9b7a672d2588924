package org.clustergrid.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Values made from one data version, the least recently used dropped beyond a byte budget; a new data version
 * empties the cache, so no value outlives the data it was made from.
 *
 * @param <K> what identifies a value (with equals and hashCode)
 * @param <V> the value, weighed in bytes by the given function
 */
public final class VersionedCache<K, V> {
    private final long maxBytes;
    private final ToLongFunction<V> weight;
    private final LinkedHashMap<K, V> values = new LinkedHashMap<>(1024, 0.75f, true);
    private long version = Long.MIN_VALUE;
    private long bytes;

    /** @param maxBytes the most the values may weigh together; 0 keeps nothing */
    public VersionedCache(long maxBytes, ToLongFunction<V> weight) {
        this.maxBytes = maxBytes;
        this.weight = weight;
    }

    /**
     * The value of this data version, made by {@code make} when not kept; a value {@code make} fails to make (it
     * throws) is not kept.
     */
    public V get(K key, long dataVersion, Supplier<V> make) {
        V kept = lookUp(key, dataVersion);
        if (kept != null) {
            return kept;
        }
        // made outside the lock: two requests for one new value may both make it, but none waits on another's
        V made = make.get();
        keep(key, made, dataVersion);
        return made;
    }

    private synchronized V lookUp(K key, long dataVersion) {
        if (dataVersion != version) {
            values.clear();
            bytes = 0;
            version = dataVersion;
            return null;
        }
        return values.get(key);
    }

    private synchronized void keep(K key, V value, long dataVersion) {
        long w = weight.applyAsLong(value);
        if (dataVersion != version || w > maxBytes) {
            return;
        }
        V old = values.put(key, value);
        bytes += w - (old == null ? 0 : weight.applyAsLong(old));
        Iterator<Map.Entry<K, V>> eldest = values.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= weight.applyAsLong(eldest.next().getValue());
            eldest.remove();
        }
    }

    public synchronized int size() {
        return values.size();
    }
}
