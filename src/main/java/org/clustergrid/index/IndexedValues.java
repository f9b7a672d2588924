package org.clustergrid.index;

import java.util.Arrays;

/**
 * A growable list of (index, value) pairs in primitive arrays, sortable by index: for the many pairs of a search
 * ({@link NearestIndex#forEachWithin}) kept without an object each.
 */
public final class IndexedValues {
    private int[] indexes = new int[64];
    private double[] values = new double[64];
    private int size;

    public void add(int index, double value) {
        if (size == indexes.length) {
            indexes = Arrays.copyOf(indexes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        indexes[size] = index;
        values[size++] = value;
    }

    /** Sorts the pairs by index; pairs of the same index keep their order. Indexes must not be negative. */
    public void sortByIndex() {
        long[] keys = new long[size];
        for (int k = 0; k < size; k++) {
            keys[k] = (long) indexes[k] << 32 | k;
        }
        Arrays.sort(keys);
        int[] sortedIndexes = new int[size];
        double[] sortedValues = new double[size];
        for (int k = 0; k < size; k++) {
            sortedIndexes[k] = (int) (keys[k] >>> 32);
            sortedValues[k] = values[(int) keys[k]];
        }
        indexes = sortedIndexes;
        values = sortedValues;
    }

    public int size() {
        return size;
    }

    public int index(int k) {
        return indexes[k];
    }

    public double value(int k) {
        return values[k];
    }
}
