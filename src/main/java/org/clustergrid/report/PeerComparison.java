package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;

/**
 * A cluster beside its peers — the clusters of its typology in its region — per dimension and for the composite: the
 * peers' median and the cluster's percentile rank among them (the share of peers scoring no more than it).
 *
 * @param group the peers in words, e.g. "artisanal/craft clusters of data set pokhara"
 * @param peers how many clusters the group has, the cluster itself included
 */
public record PeerComparison(String group, int peers, Map<Dimension, Stat> dimensions, Stat composite) {

    /**
     * One measure: the cluster's value, the peers' median and its percentile rank; value or median null when unknown.
     *
     * @param scored how many peers have the measure
     */
    public record Stat(Double value, Double median, Integer percentile, int scored) {}

    public PeerComparison {
        dimensions = Map.copyOf(dimensions);
    }

    static PeerComparison of(String group, ClusterScore self, List<ClusterScore> peers) {
        Map<Dimension, Stat> dims = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            dims.put(d, stat(self, peers, s -> s.dimensions().get(d)));
        }
        return new PeerComparison(group, peers.size(), dims, stat(self, peers, ClusterScore::composite));
    }

    private static Stat stat(ClusterScore self, List<ClusterScore> peers, Function<ClusterScore, Double> measure) {
        List<Double> values = new ArrayList<>();
        for (ClusterScore p : peers) {
            Double v = measure.apply(p);
            if (v != null) {
                values.add(v);
            }
        }
        Double value = measure.apply(self);
        if (values.isEmpty()) {
            return new Stat(value, null, null, 0);
        }
        Collections.sort(values);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        Integer percentile = null;
        if (value != null) {
            long atOrBelow = values.stream().filter(v -> v <= value).count();
            percentile = (int) Math.round(100.0 * atOrBelow / n);
        }
        return new Stat(value, median, percentile, n);
    }
}
