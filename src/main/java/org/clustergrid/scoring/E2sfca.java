package org.clustergrid.scoring;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.index.Nearest;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * Enhanced two-step floating catchment (Luo &amp; Qi 2009) over geodesic distance with Gaussian decay: step 1 gives
 * each finance point a supply ratio R = 1 / Σ (workers of the clusters in its catchment × decay), step 2 sums the
 * ratios of the points in a cluster's catchment × decay, per 10,000 workers. A branch shared by many clusters
 * thus counts for less. A cluster of unknown size counts as one worker.
 */
final class E2sfca {
    private final LayerIndexes indexes;
    private final double catchment;
    private final Map<StoredFeature, Double> ratio = new IdentityHashMap<>();

    E2sfca(LayerIndexes indexes, double catchmentMetres) {
        this.indexes = indexes;
        this.catchment = catchmentMetres;
    }

    /** Step 1, for every finance point; call once before {@link #access}. */
    E2sfca prepare(List<StoredFeature> financePoints) {
        financePoints.parallelStream().forEach(point -> {
            double demand = 0;
            for (Nearest<StoredFeature> c : indexes.clusters.within(point.feature().geometry(), catchment)) {
                Integer size = ((Cluster) c.item().feature()).size();
                demand += (size == null ? 1 : size) * decay(c.metres());
            }
            double r = demand > 0 ? 1 / demand : 0;
            synchronized (ratio) {
                ratio.put(point, r);
            }
        });
        return this;
    }

    /** Step 2: access points per 10,000 workers reachable from a footprint. */
    double access(Geometry footprint) {
        double a = 0;
        for (Nearest<StoredFeature> f : indexes.financePoints.within(footprint, catchment)) {
            a += ratio.getOrDefault(f.item(), 0.0) * decay(f.metres());
        }
        return a * 10_000;
    }

    /** Gaussian decay, 1 at the centre and 0 at the catchment's edge. */
    double decay(double metres) {
        if (metres >= catchment) {
            return 0;
        }
        double edge = Math.exp(-0.5);
        double g = Math.exp(-0.5 * (metres / catchment) * (metres / catchment));
        return (g - edge) / (1 - edge);
    }
}
