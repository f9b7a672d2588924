package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.clustergrid.model.Market;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.store.StoredFeature;

/**
 * The markets sorted into tiers, and each tier's travel times from every place: one multi-source search per tier over
 * the network, done once, then read off for any place that joins it.
 */
final class MarketTiers {
    private final Map<MarketTier, List<StoredFeature>> markets = new EnumMap<>(MarketTier.class);
    /** Each tier's markets by their position in the data's markets. */
    private final Map<MarketTier, int[]> positions = new EnumMap<>(MarketTier.class);
    private final Map<MarketTier, TravelTimes> times = new EnumMap<>(MarketTier.class);

    /**
     * @param snaps the snaps of the data's markets, in their order
     * @param base the tiers of the data before markets were added at the end of their list, or before the graph's
     *     times changed (null: all sorted and searched): the markets before keep their tiers, and the times are kept
     *     when neither changed
     */
    MarketTiers(List<StoredFeature> all, Snap[] snaps, RoadGraph graph, Parameters parameters, MarketTiers base,
            int marketsBefore, boolean sameTimes) {
        for (MarketTier tier : MarketTier.values()) {
            int from = base == null ? 0 : marketsBefore;
            int[] added = IntStream.range(from, all.size())
                    .filter(i -> tier.includes((Market) all.get(i).feature(), parameters)).toArray();
            if (base != null && added.length == 0) {
                // the tier as it was: its markets, and its times unless the graph's changed
                positions.put(tier, base.positions.get(tier));
                markets.put(tier, base.markets.get(tier));
                if (sameTimes && base.times.containsKey(tier)) {
                    times.put(tier, base.times.get(tier));
                } else {
                    search(tier, snaps, graph, base.times.get(tier));
                }
                continue;
            }
            int[] inTier = base == null ? added
                    : IntStream.concat(Arrays.stream(base.positions.get(tier)), Arrays.stream(added)).toArray();
            List<StoredFeature> features = new ArrayList<>(inTier.length);
            for (int k = 0; k < inTier.length; k++) {
                features.add(all.get(inTier[k]));
            }
            positions.put(tier, inTier);
            markets.put(tier, features);
            search(tier, snaps, graph, null);
        }
    }

    /**
     * The tier's times from every place: one multi-source search from its markets ({@code like}: the tier's times on
     * another graph, whose sources' entries serve again when they are the same snaps).
     */
    private void search(MarketTier tier, Snap[] snaps, RoadGraph graph, TravelTimes like) {
        int[] inTier = positions.get(tier);
        if (inTier.length > 0 && graph.nodeCount() > 0) {
            Snap[] tierSnaps = new Snap[inTier.length];
            for (int k = 0; k < inTier.length; k++) {
                tierSnaps[k] = snaps[inTier[k]];
            }
            times.put(tier, TravelTimes.fromSnaps(graph, tierSnaps, like));
        }
    }

    /**
     * The nodes whose arrival at the tier differs from {@code was}'s ({@link TravelTimes#nodesDiffering}), these tiers
     * being derived from those with the same markets in it; null when it cannot tell (markets added to the tier, times
     * on one side only, or a network of another shape, whose nodes are numbered otherwise).
     */
    java.util.BitSet nodesChanged(MarketTiers was, MarketTier tier) {
        TravelTimes before = was.times.get(tier);
        TravelTimes now = times.get(tier);
        if (before == now) {
            return new java.util.BitSet();
        }
        if (before == null || now == null || !Arrays.equals(was.positions.get(tier), positions.get(tier))
                || !before.graph().sameShape(now.graph())) {
            return null;
        }
        return now.nodesDiffering(before);
    }

    boolean has(MarketTier tier) {
        return !markets.get(tier).isEmpty();
    }

    /** The arrival at the nearest market of a tier from a place that joins the network at {@code at}; see callers. */
    TravelTimes.Arrival arrivalAt(MarketTier tier, Snap at) {
        TravelTimes t = times.get(tier);
        return t == null ? null : t.arrivalAt(at);
    }

    StoredFeature market(MarketTier tier, int source) {
        return markets.get(tier).get(source);
    }
}
