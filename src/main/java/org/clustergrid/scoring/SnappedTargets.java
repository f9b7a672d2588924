package org.clustergrid.scoring;

import java.util.List;
import org.clustergrid.network.NearbyPoints;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.store.StoredFeature;

/**
 * Features snapped to the road network once, and listed by the end nodes of the edges they enter the network by, so
 * that a bounded search finds the ones it reaches by walking its reached nodes instead of testing every feature. Their
 * points are kept on a grid too, for those reached by the direct off-road leg. A feature with no road within reach has
 * an {@link Snap#offNetwork off-network} snap: reached on foot only.
 */
final class SnappedTargets {
    final List<StoredFeature> features;
    final Snap[] snaps;
    final NearbyPoints points;
    private final int[] offsets;
    private final int[] byNode;

    /** Targets snapped ({@code null}: position unknown); {@code features} may be null when only the snaps matter. */
    SnappedTargets(RoadGraph graph, List<StoredFeature> features, Snap[] snaps) {
        this.features = features;
        this.snaps = snaps;
        int[] counts = new int[graph.nodeCount() + 1];
        double[] lons = new double[snaps.length];
        double[] lats = new double[snaps.length];
        for (int i = 0; i < snaps.length; i++) {
            lons[i] = snaps[i] == null ? Double.NaN : snaps[i].lon();
            lats[i] = snaps[i] == null ? Double.NaN : snaps[i].lat();
            for (Snap s : entries(snaps[i])) {
                counts[graph.edgeSource(s.edge()) + 1]++;
                counts[graph.edgeTarget(s.edge()) + 1]++;
            }
        }
        points = new NearbyPoints(lons, lats);
        for (int n = 0; n < graph.nodeCount(); n++) {
            counts[n + 1] += counts[n];
        }
        offsets = counts.clone();
        byNode = new int[counts[graph.nodeCount()]];
        int[] fill = counts;
        for (int i = 0; i < snaps.length; i++) {
            for (Snap s : entries(snaps[i])) {
                byNode[fill[graph.edgeSource(s.edge())]++] = i;
                byNode[fill[graph.edgeTarget(s.edge())]++] = i;
            }
        }
    }

    private static Snap[] entries(Snap s) {
        return s == null ? new Snap[0] : s.entries();
    }

    /** How many of the targets joined the network (the rest are too far from any road). */
    int snappedCount() {
        int n = 0;
        for (Snap s : snaps) {
            if (s != null && s.onNetwork()) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return snaps.length;
    }

    /** Index range in {@link #at} of the features one of whose edges ends at {@code node}. */
    int from(int node) {
        return offsets[node];
    }

    int to(int node) {
        return offsets[node + 1];
    }

    int at(int k) {
        return byNode[k];
    }

    /** Visits the targets one of whose edges ends at {@code node}. */
    void forEachAt(int node, NetworkAccess.NearTarget visitor) {
        for (int k = offsets[node]; k < offsets[node + 1]; k++) {
            visitor.visit(byNode[k]);
        }
    }
}
