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
    private final NearbyPoints points;
    private final int[] offsets;
    private final int[] byNode;
    /** Targets after those of {@link #byNode}, listed apart ({@link #plus}); null for none. */
    private final SnappedTargets more;
    /** Where the targets of {@link #more} begin. */
    private final int moreFrom;
    /** {@link #snappedCount}, once counted; −1 before. */
    private int snappedCount = -1;

    /** Targets snapped ({@code null}: position unknown); {@code features} may be null when only the snaps matter. */
    SnappedTargets(RoadGraph graph, List<StoredFeature> features, Snap[] snaps) {
        this.features = features;
        this.snaps = snaps;
        this.more = null;
        this.moreFrom = snaps.length;
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

    private SnappedTargets(List<StoredFeature> features, Snap[] snaps, SnappedTargets lists, SnappedTargets more,
            int moreFrom) {
        this.features = features;
        this.snaps = snaps;
        this.points = lists.points;
        this.offsets = lists.offsets;
        this.byNode = lists.byNode;
        this.moreFrom = moreFrom;
        this.more = more;
    }

    /**
     * These targets with snaps {@code now} that enter the network by the same edges at the same places — a road
     * upgrade moves only the times along the edges — so the lists by node and the grid are kept; null when any
     * target joins elsewhere.
     */
    SnappedTargets retimed(Snap[] now) {
        if (now.length != snaps.length) {
            return null;
        }
        for (int i = 0; i < now.length; i++) {
            if (now[i] != snaps[i] && !samePlace(now[i], snaps[i])) {
                return null;
            }
        }
        return new SnappedTargets(features, now, this, more, moreFrom);
    }

    private static boolean samePlace(Snap a, Snap b) {
        if (a == null || b == null) {
            return a == b;
        }
        Snap[] ea = a.entries();
        Snap[] eb = b.entries();
        if (ea.length != eb.length || a.lon() != b.lon() || a.lat() != b.lat()) {
            return false;
        }
        for (int k = 0; k < ea.length; k++) {
            if (ea[k].edge() != eb[k].edge() || ea[k].lon() != eb[k].lon() || ea[k].lat() != eb[k].lat()) {
                return false;
            }
        }
        return true;
    }

    /**
     * These targets and {@code addedSnaps} after them ({@code features}: all of them, or null), without listing the
     * old ones again: for each node the old targets come first, then the added, as in a set built anew; only the
     * order of those reached on foot differs, so it serves counts, not sums of floating-point shares.
     */
    SnappedTargets plus(RoadGraph graph, List<StoredFeature> features, Snap[] addedSnaps) {
        Snap[] all = java.util.Arrays.copyOf(snaps, snaps.length + addedSnaps.length);
        System.arraycopy(addedSnaps, 0, all, snaps.length, addedSnaps.length);
        // targets added once already: all of them listed anew
        return more != null ? new SnappedTargets(graph, features, all)
                : new SnappedTargets(features, all, this, new SnappedTargets(graph, null, addedSnaps), snaps.length);
    }

    /** Visits the targets whose snapped point lies within {@code metres} of a point (the direct off-road leg). */
    void forEachNear(double lon, double lat, double metres, NearbyPoints.Visitor visitor) {
        points.forEachWithin(lon, lat, metres, visitor);
        if (more != null) {
            int offset = moreFrom;
            more.forEachNear(lon, lat, metres, (t, m) -> visitor.visit(offset + t, m));
        }
    }

    /** Where a target joins the network; none for one that does not. */
    static Snap[] entries(Snap s) {
        return s == null ? new Snap[0] : s.entries();
    }

    /** How many of the targets joined the network (the rest are too far from any road). */
    int snappedCount() {
        int n = snappedCount;
        if (n < 0) { // counted once: asked for by every engine derived for a project
            n = 0;
            for (Snap s : snaps) {
                if (s != null && s.onNetwork()) {
                    n++;
                }
            }
            snappedCount = n;
        }
        return n;
    }

    int size() {
        return snaps.length;
    }

    /** Visits the targets one of whose edges ends at {@code node}, in their order. */
    void forEachAt(int node, NetworkAccess.NearTarget visitor) {
        for (int k = offsets[node]; k < offsets[node + 1]; k++) {
            visitor.visit(byNode[k]);
        }
        if (more != null) {
            int offset = moreFrom;
            more.forEachAt(node, t -> visitor.visit(offset + t));
        }
    }
}
