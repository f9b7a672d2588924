package org.clustergrid.scoring;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.store.StoredFeature;

/**
 * What an engine measured of each cluster, by position, as flat arrays: whether the cluster has indicators, and each
 * indicator's value (0 without one). Every engine derived for a project asks this of every cluster to find those the
 * project can affect; read from the maps each time, it cost a tenth of a paving project's effect on 10,000 clusters.
 */
final class KnownValues {
    private final boolean[] known;
    /** [indicator ordinal][cluster position]. */
    private final double[][] values;
    private final boolean complete;

    KnownValues(List<StoredFeature> clusters, Function<String, Map<Indicator, IndicatorResult>> indicators) {
        int n = clusters.size();
        known = new boolean[n];
        values = new double[Indicator.values().length][n];
        boolean all = true;
        for (int c = 0; c < n; c++) {
            Map<Indicator, IndicatorResult> k = indicators.apply(clusters.get(c).layerId());
            all &= k != null;
            known[c] = k != null;
            if (k != null) {
                for (IndicatorResult r : k.values()) {
                    values[r.indicator().ordinal()][c] = r.value() == null ? 0 : r.value();
                }
            }
        }
        complete = all;
    }

    /** Whether the cluster at {@code c} has its indicators measured. */
    boolean known(int c) {
        return known[c];
    }

    /** The indicator's value for the cluster at {@code c}; 0 when it has none to speak of. */
    double value(Indicator i, int c) {
        return values[i.ordinal()][c];
    }

    /** Whether every cluster had its indicators: then these stay what the engine measured, and may be kept. */
    boolean complete() {
        return complete;
    }
}
