package org.clustergrid.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How firm a priority ranking is: the weights of the dimensions are perturbed at random (each multiplied by a
 * uniform factor in [1 − p, 1 + p], then renormalised), the priorities re-ranked, and for each cluster the share of
 * draws in which it stays in the same top-k band (ranks 1–k, k+1–2k, …) as under the profile's weights. Seeded, so
 * the same inputs always give the same figures.
 */
public final class RankingStability {
    /** Draws run side by side between two checks for cancellation. */
    private static final int CHUNK = 50;

    private RankingStability() {}

    /** Stability per cluster, in the order of {@code scores}; null for clusters without a priority. */
    public static Double[] of(List<ClusterScore> scores, Weights weights, double perturbation, int draws, int band,
            long seed) {
        int n = scores.size();
        int dims = Dimension.values().length;
        // gaps and sizes as plain arrays: each draw is then a few multiplications per cluster
        double[][] gaps = new double[n][dims];
        boolean[][] has = new boolean[n][dims];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            ClusterScore s = scores.get(i);
            size[i] = s.size() == null ? Double.NaN : s.size();
            for (Dimension d : Dimension.values()) {
                Double g = s.gaps().get(d);
                if (g != null) {
                    gaps[i][d.ordinal()] = g;
                    has[i][d.ordinal()] = true;
                }
            }
        }
        double[] base = new double[dims];
        for (Dimension d : Dimension.values()) {
            base[d.ordinal()] = weights.of(d);
        }
        int[] baseBand = bands(priorities(gaps, has, size, base), band);
        // each chunk's weights drawn in the seeded order, then its draws side by side: counts add up in any order
        SplittableRandom random = new SplittableRandom(seed);
        int[] same = new int[n];
        for (int from = 0; from < draws; from += CHUNK) {
            Cancellation.check(); // on the calling thread, between chunks of draws
            double[][] drawn = new double[Math.min(CHUNK, draws - from)][dims];
            for (double[] w : drawn) {
                for (int d = 0; d < dims; d++) {
                    w[d] = base[d] * (1 + perturbation * (2 * random.nextDouble() - 1));
                }
            }
            int[] counts = IntStream.range(0, drawn.length).parallel().collect(() -> new int[n],
                    (hits, k) -> keptBands(priorities(gaps, has, size, drawn[k]), baseBand, band, hits),
                    RankingStability::add);
            add(same, counts);
        }
        Double[] out = new Double[n];
        for (int i = 0; i < n; i++) {
            out[i] = baseBand[i] < 0 ? null : (double) same[i] / draws;
        }
        return out;
    }

    private static void add(int[] into, int[] more) {
        for (int i = 0; i < into.length; i++) {
            into[i] += more[i];
        }
    }

    /**
     * Priority of each cluster under these (not necessarily normalised) weights: the weighted mean gap over the
     * dimensions with data, times size — as {@link Aggregation} computes it; NaN where there is none.
     */
    static double[] priorities(double[][] gaps, boolean[][] has, double[] size, double[] w) {
        double[] p = new double[gaps.length];
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            double weight = 0;
            for (int d = 0; d < w.length; d++) {
                if (has[i][d]) {
                    sum += w[d] * gaps[i][d];
                    weight += w[d];
                }
            }
            p[i] = weight > 0 ? sum / weight * size[i] : Double.NaN;
        }
        return p;
    }

    /**
     * Band index (rank / band) by descending priority, where a cluster's rank is the number of clusters with a
     * strictly higher priority (exact ties share a rank); −1 where there is no priority. Sorting primitives keeps a
     * draw at O(n log n) without boxing, which matters at 500 draws over 10,000 clusters.
     */
    static int[] bands(double[] priority, int band) {
        double[] sorted = new double[priority.length];
        int valid = 0;
        for (double p : priority) {
            if (!Double.isNaN(p)) {
                sorted[valid++] = p;
            }
        }
        Arrays.sort(sorted, 0, valid);
        int[] out = new int[priority.length];
        for (int i = 0; i < priority.length; i++) {
            if (Double.isNaN(priority[i])) {
                out[i] = -1;
            } else {
                int higher = valid - upperBound(sorted, valid, priority[i]);
                out[i] = higher / band;
            }
        }
        return out;
    }

    /**
     * Counts in {@code hits} each cluster whose band under these priorities is its band {@code was}: whose rank (the
     * number of strictly higher priorities) lies within the band's ranks. With the priorities sorted, that is two
     * look-ups a cluster, not a search: at least L are higher when the L-th largest is higher, at most H when the
     * (H+1)-th largest is not.
     */
    static void keptBands(double[] priority, int[] was, int band, int[] hits) {
        double[] sorted = new double[priority.length];
        int valid = 0;
        for (double p : priority) {
            if (!Double.isNaN(p)) {
                sorted[valid++] = p;
            }
        }
        Arrays.sort(sorted, 0, valid);
        for (int i = 0; i < priority.length; i++) {
            double p = priority[i];
            if (was[i] < 0 || Double.isNaN(p)) {
                continue;
            }
            int fewest = was[i] * band;
            int most = fewest + band - 1;
            boolean enough = fewest == 0 || valid - fewest >= 0 && sorted[valid - fewest] > p;
            boolean notTooMany = valid - most - 1 < 0 || sorted[valid - most - 1] <= p;
            if (enough && notTooMany) {
                hits[i]++;
            }
        }
    }

    /** First index in sorted[0, n) whose value is greater than v. */
    private static int upperBound(double[] sorted, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
