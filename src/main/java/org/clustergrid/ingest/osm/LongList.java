package org.clustergrid.ingest.osm;

import java.util.Arrays;

/** A growable list of primitive longs: OSM ids by the million without boxing. */
final class LongList {
    private long[] values;
    private int size;

    LongList() {
        this(1024);
    }

    LongList(int capacity) {
        values = new long[Math.max(capacity, 16)];
    }

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, values.length * 2L));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    /** The values sorted with duplicates removed, trimmed to length; this list is left empty. */
    long[] toSortedUniqueArray() {
        long[] v = values;
        int n = size;
        Arrays.sort(v, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || v[i] != v[u - 1]) {
                v[u++] = v[i];
            }
        }
        values = new long[16];
        size = 0;
        return u == v.length ? v : Arrays.copyOf(v, u);
    }
}
