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
        final class Sums {
            final double[] potential = new double[targets.length];
            final int[] markets = new int[targets.length];
            final int[] stamp = new int[targets.length];
            final BoundedSearch search = new BoundedSearch(graph, RoadGraph.Direction.INWARD);
            int run;

            void add(int m) {
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
}
