package org.clustergrid.scoring;

import java.util.List;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.store.StoredFeature;

/**
 * Features snapped to the road network once, and listed by the end nodes of their edge, so that a bounded search
 * finds the ones it reaches by walking its reached nodes instead of testing every feature.
 */
final class SnappedTargets {
    final List<StoredFeature> features;
    final Snap[] snaps;
    private final int[] offsets;
    private final int[] byNode;

    SnappedTargets(RoadGraph graph, List<StoredFeature> features) {
        this(graph, features, snapAll(graph, features));
    }

    /** Targets already snapped (e.g. clusters); {@code features} may be null when only the snaps matter. */
    SnappedTargets(RoadGraph graph, List<StoredFeature> features, Snap[] snaps) {
        this.features = features;
        this.snaps = snaps;
        int[] counts = new int[graph.nodeCount() + 1];
        for (int i = 0; i < snaps.length; i++) {
            if (snaps[i] != null) {
                counts[graph.edgeSource(snaps[i].edge()) + 1]++;
                counts[graph.edgeTarget(snaps[i].edge()) + 1]++;
            }
        }
        for (int n = 0; n < graph.nodeCount(); n++) {
            counts[n + 1] += counts[n];
        }
        offsets = counts.clone();
        byNode = new int[counts[graph.nodeCount()]];
        int[] fill = counts;
        for (int i = 0; i < snaps.length; i++) {
            if (snaps[i] != null) {
                byNode[fill[graph.edgeSource(snaps[i].edge())]++] = i;
                byNode[fill[graph.edgeTarget(snaps[i].edge())]++] = i;
            }
        }
    }

    private static Snap[] snapAll(RoadGraph graph, List<StoredFeature> features) {
        Snap[] snaps = new Snap[features.size()];
        java.util.stream.IntStream.range(0, snaps.length).parallel().forEach(i ->
                snaps[i] = graph.snap(Features.representative(features.get(i).feature().geometry())));
        return snaps;
    }

    /** How many of the targets joined the network (the rest are too far from any road). */
    int snappedCount() {
        int n = 0;
        for (Snap s : snaps) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return features.size();
    }

    /** Index range in {@link #at} of the features whose edge ends at {@code node}. */
    int from(int node) {
        return offsets[node];
    }

    int to(int node) {
        return offsets[node + 1];
    }

    int at(int k) {
        return byNode[k];
    }
}
