package org.clustergrid.index;

import java.util.Arrays;

/**
 * A static, packed R-tree over primitive arrays (the layout of Flatbush): entries sorted along a Hilbert curve, 16
 * children per node, all boxes in one {@code float[]} rounded outwards, children of a node stored contiguously. About
 * 20 bytes per entry, built in O(n log n) with one primitive sort, so a few million road segments build in about a
 * second. Immutable once built and therefore safe for concurrent searches.
 *
 * <p>Positions {@code 0 … size()-1} are leaves (in Hilbert order, {@link #entry} gives the caller's entry number);
 * higher positions are internal nodes, the root last.
 */
final class FlatRTree {
    static final int NODE_SIZE = 16;

    private final int size;
    private final float[] boxes;
    private final int[] indices;
    /** One past the last child of each internal node (position − size): looked up on every node a search enters. */
    private final int[] childEnds;

    /** Boxes of the entries as {@code [minX, minY, maxX, maxY]} per entry. */
    FlatRTree(double[] entryBoxes) {
        size = entryBoxes.length / 4;
        int count = size;
        int nodes = size;
        int[] ends = new int[32];
        int levels = 0;
        ends[levels++] = nodes;
        do {
            count = (count + NODE_SIZE - 1) / NODE_SIZE;
            nodes += count;
            ends[levels++] = nodes;
        } while (count > 1);
        int[] levelEnds = Arrays.copyOf(ends, levels);
        boxes = new float[nodes * 4];
        indices = new int[nodes];
        childEnds = new int[nodes - size];
        int[] order = hilbertOrder(entryBoxes);
        for (int pos = 0; pos < size; pos++) {
            int e = order[pos];
            setBox(pos, entryBoxes[4 * e], entryBoxes[4 * e + 1], entryBoxes[4 * e + 2], entryBoxes[4 * e + 3]);
            indices[pos] = e;
        }
        int pos = 0;
        int parent = size;
        for (int level = 0; level < levels - 1; level++) {
            int end = levelEnds[level];
            while (pos < end) {
                float minX = Float.POSITIVE_INFINITY;
                float minY = Float.POSITIVE_INFINITY;
                float maxX = Float.NEGATIVE_INFINITY;
                float maxY = Float.NEGATIVE_INFINITY;
                indices[parent] = pos;
                for (int i = 0; i < NODE_SIZE && pos < end; i++, pos++) {
                    minX = Math.min(minX, boxes[4 * pos]);
                    minY = Math.min(minY, boxes[4 * pos + 1]);
                    maxX = Math.max(maxX, boxes[4 * pos + 2]);
                    maxY = Math.max(maxY, boxes[4 * pos + 3]);
                }
                childEnds[parent - size] = pos;
                boxes[4 * parent] = minX;
                boxes[4 * parent + 1] = minY;
                boxes[4 * parent + 2] = maxX;
                boxes[4 * parent + 3] = maxY;
                parent++;
            }
        }
    }

    int size() {
        return size;
    }

    /**
     * Sums a value per entry up the tree: the result holds, for every position, the total over the entries below it
     * (at a leaf, its entry's own value). Children always sit at lower positions than their parent. Whole numbers, so
     * that a total is the same whatever the tree's shape.
     */
    long[] subtreeSums(long[] entryValues) {
        long[] sums = new long[indices.length];
        for (int pos = 0; pos < size; pos++) {
            sums[pos] = entryValues[indices[pos]];
        }
        for (int node = size; node < indices.length; node++) {
            long total = 0;
            for (int child = firstChild(node), end = childEnd(node); child < end; child++) {
                total += sums[child];
            }
            sums[node] = total;
        }
        return sums;
    }


    /** Position of the root node; meaningless when the tree is empty. */
    int root() {
        return indices.length - 1;
    }

    boolean isLeaf(int pos) {
        return pos < size;
    }

    /** The caller's entry number stored at a leaf position. */
    int entry(int pos) {
        return indices[pos];
    }

    int firstChild(int node) {
        return indices[node];
    }

    /** One past the last child of an internal node. */
    int childEnd(int node) {
        return childEnds[node - size];
    }

    float minX(int pos) {
        return boxes[4 * pos];
    }

    float minY(int pos) {
        return boxes[4 * pos + 1];
    }

    float maxX(int pos) {
        return boxes[4 * pos + 2];
    }

    float maxY(int pos) {
        return boxes[4 * pos + 3];
    }

    long memoryBytes() {
        return boxes.length * 4L + indices.length * 4L + childEnds.length * 4L;
    }

    private void setBox(int pos, double minX, double minY, double maxX, double maxY) {
        boxes[4 * pos] = down(minX);
        boxes[4 * pos + 1] = down(minY);
        boxes[4 * pos + 2] = up(maxX);
        boxes[4 * pos + 3] = up(maxY);
    }

    private static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    private static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    /** Entry numbers sorted by the Hilbert index of their box centres on a 65,536² grid over the total extent. */
    private static int[] hilbertOrder(double[] b) {
        int n = b.length / 4;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, b[4 * i]);
            minY = Math.min(minY, b[4 * i + 1]);
            maxX = Math.max(maxX, b[4 * i + 2]);
            maxY = Math.max(maxY, b[4 * i + 3]);
        }
        double sx = maxX > minX ? 65535 / (maxX - minX) : 0;
        double sy = maxY > minY ? 65535 / (maxY - minY) : 0;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int x = (int) (((b[4 * i] + b[4 * i + 2]) / 2 - minX) * sx);
            int y = (int) (((b[4 * i + 1] + b[4 * i + 3]) / 2 - minY) * sy);
            keys[i] = ((long) hilbert(x, y) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** Distance along a Hilbert curve of order 16 (the classic rotate-and-flip conversion); fits in 32 bits. */
    private static long hilbert(int x, int y) {
        long d = 0;
        for (int s = 1 << 15; s > 0; s >>= 1) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }
}
