package org.clustergrid.index;

import java.util.Arrays;

/**
 * A binary min-heap of (double key, int value) pairs in primitive arrays, for best-first tree searches; pairs with the
 * same key come in the order of a second int, the tie, so that the order does not depend on the order of adding.
 */
final class MinHeap {
    private double[] keys = new double[256];
    private int[] ties = new int[256];
    private int[] values = new int[256];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    double peekKey() {
        return keys[0];
    }

    void add(double key, int tie, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            ties = Arrays.copyOf(ties, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(key, tie, keys[parent], ties[parent])) {
                break;
            }
            keys[i] = keys[parent];
            ties[i] = ties[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        ties[i] = tie;
        values[i] = value;
    }

    private static boolean before(double key, int tie, double otherKey, int otherTie) {
        return key < otherKey || (key == otherKey && tie < otherTie);
    }

    /** Removes the pair with the smallest key and returns its value. */
    int poll() {
        int top = values[0];
        size--;
        double key = keys[size];
        int tie = ties[size];
        int value = values[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(keys[child + 1], ties[child + 1], keys[child], ties[child])) {
                child++;
            }
            if (!before(keys[child], ties[child], key, tie)) {
                break;
            }
            keys[i] = keys[child];
            ties[i] = ties[child];
            values[i] = values[child];
            i = child;
        }
        keys[i] = key;
        ties[i] = tie;
        values[i] = value;
        return top;
    }
}
