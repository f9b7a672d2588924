package org.clustergrid.ingest.osm;

import java.util.Arrays;

/**
 * Coordinates of the nodes that ways need, in parallel primitive arrays found by binary search over sorted ids.
 * Stored as ints in units of 1e-7 degrees (PBF's default precision): 16 bytes per node including the id, instead
 * of ~100 for a {@code HashMap<Long, Coordinate>} entry.
 */
final class NodeCoordinates {
    private static final int MISSING = Integer.MIN_VALUE;

    private final long[] ids;
    private final int[] lonE7;
    private final int[] latE7;

    /** @param sortedUniqueIds the needed node ids, sorted ascending without duplicates */
    NodeCoordinates(long[] sortedUniqueIds) {
        ids = sortedUniqueIds;
        lonE7 = new int[ids.length];
        latE7 = new int[ids.length];
        Arrays.fill(latE7, MISSING);
    }

    int size() {
        return ids.length;
    }

    /** Records a node's position if it is one of the needed nodes. */
    void offer(long id, int lon, int lat) {
        int i = Arrays.binarySearch(ids, id);
        if (i >= 0) {
            lonE7[i] = lon;
            latE7[i] = lat;
        }
    }

    /** Index of a node whose position is known, or -1. */
    int indexOf(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 && latE7[i] != MISSING ? i : -1;
    }

    double lon(int index) {
        return lonE7[index] / 1e7;
    }

    double lat(int index) {
        return latE7[index] / 1e7;
    }
}
