package org.clustergrid.index;

import java.util.Arrays;

/** A small open-addressing set of non-negative ints, for the components already measured in one search. */
final class IntSet {
    private int[] slots = new int[32];
    private int size;

    IntSet() {
        Arrays.fill(slots, -1);
    }

    /** Adds {@code v}; returns false when it was present. */
    boolean add(int v) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(v) & mask;
        while (slots[i] != -1) {
            if (slots[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = v;
        size++;
        return true;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, -1);
        size = 0;
        for (int v : old) {
            if (v != -1) {
                add(v);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
