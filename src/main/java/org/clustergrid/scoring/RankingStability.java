package org.clustergrid.scoring;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How firm a priority ranking is: the weights of the dimensions are perturbed at random (each multiplied by a
 * uniform factor in [1 − p, 1 + p], then renormalised), the priorities re-ranked, and for each cluster the share of
 * draws in which it stays in the same top-k band (ranks 1–k, k+1–2k, …) as under the profile's weights. Seeded, so
 * the same inputs always give the same figures.
 */
public final class RankingStability {
    private RankingStability() {}

    /** Stability per cluster, in the order of {@code scores}; null for clusters without a priority. */
    public static Double[] of(List<ClusterScore> scores, Weights weights, double perturbation, int draws, int band,
            long seed) {
        int n = scores.size();
        Double[] out = new Double[n];
        int[] baseBand = bands(priorities(scores, weights), band);
        int[] same = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < draws; k++) {
            Map<Dimension, Double> w = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                w.put(d, weights.of(d) * (1 + perturbation * (2 * random.nextDouble() - 1)));
            }
            int[] b = bands(priorities(scores, new Weights(w)), band);
            for (int i = 0; i < n; i++) {
                if (b[i] >= 0 && b[i] == baseBand[i]) {
                    same[i]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = baseBand[i] < 0 ? null : (double) same[i] / draws;
        }
        return out;
    }

    /** Priority of each cluster under these weights; NaN where there is none. */
    static double[] priorities(List<ClusterScore> scores, Weights w) {
        double[] p = new double[scores.size()];
        for (int i = 0; i < p.length; i++) {
            ClusterScore s = scores.get(i);
            Double gap = Aggregation.weightedMean(s.gaps(), w);
            Double pr = Aggregation.priority(gap, s.size());
            p[i] = pr == null ? Double.NaN : pr;
        }
        return p;
    }

    /** Band index (rank / band) by descending priority, ties broken by position; −1 where there is no priority. */
    static int[] bands(double[] priority, int band) {
        Integer[] order = new Integer[priority.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            boolean na = Double.isNaN(priority[a]);
            boolean nb = Double.isNaN(priority[b]);
            if (na || nb) {
                return na == nb ? Integer.compare(a, b) : na ? 1 : -1;
            }
            int c = Double.compare(priority[b], priority[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[priority.length];
        for (int rank = 0; rank < order.length; rank++) {
            int i = order[rank];
            out[i] = Double.isNaN(priority[i]) ? -1 : rank / band;
        }
        return out;
    }
}
