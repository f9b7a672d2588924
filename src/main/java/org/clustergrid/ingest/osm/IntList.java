package org.clustergrid.ingest.osm;

import java.util.Arrays;

/** A growable list of primitive ints (offsets into a block's bytes). */
final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
