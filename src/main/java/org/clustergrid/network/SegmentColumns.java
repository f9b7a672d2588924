package org.clustergrid.network;

import java.util.Arrays;

/** Growable segment columns used while building a {@link RoadGraph}. */
final class SegmentColumns {
    int[] u;
    int[] v;
    double[] metres;
    double[] seconds;
    int[] road;
    byte[] dir;
    int size;

    SegmentColumns(int expected) {
        int cap = Math.max(16, expected);
        u = new int[cap];
        v = new int[cap];
        metres = new double[cap];
        seconds = new double[cap];
        road = new int[cap];
        dir = new byte[cap];
    }

    void add(int a, int b, double m, double s, int r, byte d) {
        if (size == u.length) {
            int cap = size * 2;
            u = Arrays.copyOf(u, cap);
            v = Arrays.copyOf(v, cap);
            metres = Arrays.copyOf(metres, cap);
            seconds = Arrays.copyOf(seconds, cap);
            road = Arrays.copyOf(road, cap);
            dir = Arrays.copyOf(dir, cap);
        }
        u[size] = a;
        v[size] = b;
        metres[size] = m;
        seconds[size] = s;
        road[size] = r;
        dir[size] = d;
        size++;
    }
}
