package org.clustergrid.network;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A road graph's segments by road id: what an upgrade of a few roads changes, found without walking every segment
 * and hashing every road id (a paving project on 1.3 M segments spent more there than on its own searches).
 */
final class RoadSegments {
    /** Road id → the positions of the roads with that id among the graph's roads. */
    private final Map<String, int[]> roadsById;
    /** The segments of road r are {@code segments[offsets[r]] .. segments[offsets[r+1]-1]}. */
    private final int[] offsets;
    private final int[] segments;

    private RoadSegments(Map<String, int[]> roadsById, int[] offsets, int[] segments) {
        this.roadsById = roadsById;
        this.offsets = offsets;
        this.segments = segments;
    }

    static RoadSegments of(String[] roadIds, int[] segRoad) {
        Map<String, int[]> byId = new HashMap<>();
        for (int r = 0; r < roadIds.length; r++) {
            int[] was = byId.get(roadIds[r]);
            int[] now = was == null ? new int[1] : java.util.Arrays.copyOf(was, was.length + 1);
            now[now.length - 1] = r;
            byId.put(roadIds[r], now);
        }
        int[] offsets = new int[roadIds.length + 1];
        for (int road : segRoad) {
            offsets[road + 1]++;
        }
        for (int r = 0; r < roadIds.length; r++) {
            offsets[r + 1] += offsets[r];
        }
        int[] next = java.util.Arrays.copyOf(offsets, roadIds.length);
        int[] segments = new int[segRoad.length];
        for (int sg = 0; sg < segRoad.length; sg++) {
            segments[next[segRoad[sg]]++] = sg;
        }
        return new RoadSegments(byId, offsets, segments);
    }

    /** Each segment of the roads with these ids; ids of no road are ignored. */
    void forEachSegment(Set<String> ids, IntConsumer segment) {
        for (String id : ids) {
            for (int r : roadsById.getOrDefault(id, new int[0])) {
                for (int k = offsets[r]; k < offsets[r + 1]; k++) {
                    segment.accept(segments[k]);
                }
            }
        }
    }
}
