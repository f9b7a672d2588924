package org.clustergrid.network;

import java.util.Arrays;

/**
 * Node ids by exact coordinates: OSM ways that meet share a node, hence bit-identical coordinates, so no snapping
 * tolerance is needed (or wanted: a bridge over a road must not join it). Open addressing over primitive arrays;
 * ids are dense, in order of first sight.
 */
final class NodeIndex implements RoadGraph.VertexNumbers {
    private long[] xs;
    private long[] ys;
    private int[] ids;
    private int mask;
    private int size;
    private double[] lons;
    private double[] lats;

    NodeIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        xs = new long[cap];
        ys = new long[cap];
        ids = new int[cap];
        Arrays.fill(ids, -1);
        mask = cap - 1;
        lons = new double[Math.max(16, expected)];
        lats = new double[lons.length];
    }

    int size() {
        return size;
    }

    /** The node at these coordinates, added if new. */
    @Override
    public int idOf(double lon, double lat) {
        long x = bits(lon);
        long y = bits(lat);
        int slot = hash(x, y) & mask;
        while (ids[slot] >= 0) {
            if (xs[slot] == x && ys[slot] == y) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        xs[slot] = x;
        ys[slot] = y;
        ids[slot] = id;
        if (id == lons.length) {
            lons = Arrays.copyOf(lons, id * 2);
            lats = Arrays.copyOf(lats, id * 2);
        }
        lons[id] = lon;
        lats[id] = lat;
        if (size * 2 > ids.length) {
            grow();
        }
        return id;
    }

    /** A coordinate's bits, by which places are told apart: −0.0 and 0.0 are the same place. */
    static long bits(double coordinate) {
        return Double.doubleToLongBits(coordinate == 0 ? 0 : coordinate);
    }

    double[] lons() {
        return Arrays.copyOf(lons, size);
    }

    double[] lats() {
        return Arrays.copyOf(lats, size);
    }

    private static int hash(long x, long y) {
        long h = x * 0x9E3779B97F4A7C15L + y;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oxs = xs;
        long[] oys = ys;
        int[] oids = ids;
        int cap = oids.length * 2;
        xs = new long[cap];
        ys = new long[cap];
        ids = new int[cap];
        Arrays.fill(ids, -1);
        mask = cap - 1;
        for (int i = 0; i < oids.length; i++) {
            if (oids[i] >= 0) {
                int slot = hash(oxs[i], oys[i]) & mask;
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                xs[slot] = oxs[i];
                ys[slot] = oys[i];
                ids[slot] = oids[i];
            }
        }
    }
}
