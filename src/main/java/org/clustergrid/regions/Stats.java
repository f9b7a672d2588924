package org.clustergrid.regions;

import java.util.Arrays;

/**
 * How a value is spread over the clusters of a region that have it: count, mean and the five-number summary
 * (quartiles by linear interpolation, as R's default and NumPy's do). Null where no cluster has it.
 */
public record Stats(int n, double mean, double min, double p25, double median, double p75, double max) {

    public static Stats of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return new Stats(v.length, sum / v.length, v[0], quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75),
                v[v.length - 1]);
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
