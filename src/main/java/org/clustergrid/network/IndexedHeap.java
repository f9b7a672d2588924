package org.clustergrid.network;

import java.util.Arrays;

/**
 * A binary min-heap of int node ids keyed by double, with decrease-key through a position array, so a node is in
 * the heap at most once and the heap never outgrows the graph. O(log n) per operation, no boxing.
 */
final class IndexedHeap {
    private final int[] nodes;
    private final double[] keys;
    private final int[] position;
    private int size;

    IndexedHeap(int capacity) {
        nodes = new int[capacity];
        keys = new double[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Inserts the node, or lowers its key if it is in the heap with a larger one. */
    void offer(int node, double key) {
        int i = position[node];
        if (i < 0) {
            i = size++;
        } else if (key >= keys[i]) {
            return;
        }
        siftUp(i, node, key);
    }

    double minKey() {
        return keys[0];
    }

    int poll() {
        int top = nodes[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            siftDown(0, nodes[size], keys[size]);
        }
        return top;
    }

    /** Empties the heap, in time proportional to its size. */
    void clear() {
        for (int i = 0; i < size; i++) {
            position[nodes[i]] = -1;
        }
        size = 0;
    }

    private void siftUp(int i, int node, double key) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            place(i, nodes[parent], keys[parent]);
            i = parent;
        }
        place(i, node, key);
    }

    private void siftDown(int i, int node, double key) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            place(i, nodes[child], keys[child]);
            i = child;
        }
        place(i, node, key);
    }

    private void place(int i, int node, double key) {
        nodes[i] = node;
        keys[i] = key;
        position[node] = i;
    }
}
