package org.clustergrid.scoring;

import org.clustergrid.model.Market;
import org.clustergrid.network.BoundedSearch;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;

/**
 * The market potential and the number of markets within the gravity cutoff of many points at once, per point,
 * searched from every populated market instead of from every point: inward on the reversed arcs, so each time is
 * still that from the point to the market, and the sums are those {@link NetworkAccess#reach} gives; there are usually
 * far fewer markets than clusters. Markets run in parallel, each thread adding into its own arrays.
 */
record MarketPotentials(double[] potential, int[] markets) {

    static MarketPotentials of(NetworkAccess network, Snap[] targets) {
        RoadGraph graph = network.graph;
        Parameters parameters = network.parameters;
        SnappedTargets populated = network.populated;
        SnappedTargets points = new SnappedTargets(graph, null, targets);
        double lambda = parameters.gravityLambda();
        double cutoff = parameters.gravityCutoffSeconds();
        double walk = Math.min(graph.maxOffRoadMetres(), cutoff * graph.speeds().offRoadMetresPerSecond());
        // with few points, the markets that cannot reach any of them are known from one search and skipped: they
        // add nothing, so the sums are the same to the bit
        boolean[] mayReach = targets.length < populated.size() ? mayReach(network, targets, cutoff) : null;
        final class Sums {
            final double[] potential = new double[targets.length];
            final int[] markets = new int[targets.length];
            final int[] stamp = new int[targets.length];
            final BoundedSearch search = new BoundedSearch(graph, RoadGraph.Direction.INWARD);
            int run;

            void add(int m) {
                if (mayReach != null && !mayReach[m]) {
                    return;
                }
                Snap from = populated.snaps[m];
                if (from == null || !search.run(from, cutoff)) {
                    return;
                }
                int id = ++run;
                double pop = ((Market) populated.features.get(m).feature()).population();
                NetworkAccess.NearTarget target = t -> {
                    if (stamp[t] != id) {
                        stamp[t] = id;
                        double seconds = search.secondsTo(targets[t]);
                        if (seconds <= cutoff) {
                            potential[t] += pop * Math.exp(-lambda * seconds);
                            markets[t]++;
                        }
                    }
                };
                for (int r = -2 * from.entries().length; r < search.reachedCount(); r++) {
                    points.forEachAt(r < 0 ? network.originEnd(from, r) : search.reachedNode(r), target);
                }
                points.forEachNear(from.lon(), from.lat(), walk, (t, metres) -> target.visit(t));
            }

            Sums merge(Sums other) {
                for (int t = 0; t < potential.length; t++) {
                    potential[t] += other.potential[t];
                    markets[t] += other.markets[t];
                }
                return this;
            }
        }
        Sums sums = java.util.stream.IntStream.range(0, populated.size()).parallel()
                .collect(Sums::new, Sums::add, Sums::merge);
        return new MarketPotentials(sums.potential, sums.markets);
    }

    /**
     * Which populated markets may reach some target within {@code cutoff}: a superset of those that do. A market's
     * search counts a target found at a node it reaches (an end of the target's edge), on its own edge, or on foot
     * within the off-road limit; so one search out from every end of the targets' edges, a little beyond the cutoff
     * (the two directions add the same legs in another order), finds every market whose edge it reaches, and those
     * within the off-road limit of a target are added.
     */
    static boolean[] mayReach(NetworkAccess network, Snap[] targets, double cutoff) {
        RoadGraph graph = network.graph;
        SnappedTargets populated = network.populated;
        java.util.List<Integer> ends = new java.util.ArrayList<>();
        for (Snap t : targets) {
            for (Snap e : SnappedTargets.entries(t)) {
                ends.add(graph.edgeSource(e.edge()));
                ends.add(graph.edgeTarget(e.edge()));
            }
        }
        java.util.BitSet reached = BoundedSearch.nodesReachedFrom(graph,
                ends.stream().mapToInt(Integer::intValue).toArray(), cutoff * (1 + 1e-9) + 1e-6);
        boolean[] out = new boolean[populated.size()];
        for (int m = 0; m < out.length; m++) {
            Snap s = populated.snaps[m];
            for (Snap e : SnappedTargets.entries(s)) {
                out[m] |= reached.get(graph.edgeSource(e.edge())) || reached.get(graph.edgeTarget(e.edge()));
            }
        }
        double onFoot = Math.min(graph.maxOffRoadMetres(), cutoff * graph.speeds().offRoadMetresPerSecond()) * 1.001
                + 1;
        for (Snap t : targets) {
            if (t != null) {
                populated.forEachNear(t.lon(), t.lat(), onFoot, (m, metres) -> out[m] = true);
            }
        }
        return out;
    }
}
