package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.index.Nearest;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * Enhanced two-step floating catchment (Luo &amp; Qi 2009) with Gaussian decay over great-circle distance (on the
 * mean sphere, within 0.5 % of the geodesic, which the smooth decay does not feel): step 1 gives each finance point a
 * supply ratio R = 1 / Σ (workers of the clusters in its catchment × decay), step 2 sums the ratios of the points in a
 * cluster's catchment × decay, per 10,000 workers. A branch shared by many clusters
 * thus counts for less. A cluster of unknown size counts as one worker.
 */
final class E2sfca {
    private final LayerIndexes indexes;
    private final double catchment;
    private final Map<StoredFeature, Double> ratio = new IdentityHashMap<>();
    /** Step 2 for the clusters themselves, summed from the finance points' side in the same pass as step 1. */
    private final Map<StoredFeature, Double> clusterAccess = new IdentityHashMap<>();

    E2sfca(LayerIndexes indexes, double catchmentMetres) {
        this.indexes = indexes;
        this.catchment = catchmentMetres;
    }

    /**
     * Step 1 for every finance point, then step 2 for every cluster, both over the same (point, cluster) pairs
     * within the catchment, found once; call once before {@link #access}. The pairs are searched from the smaller
     * side: from each cluster when there are fewer clusters than finance points (a national bank register beside a
     * cluster register: 10,000 searches instead of 140,000), else from each point.
     */
    E2sfca prepare(List<StoredFeature> financePoints, List<StoredFeature> clusters) {
        Map<StoredFeature, List<Nearest<StoredFeature>>> byPoint = new IdentityHashMap<>();
        if (clusters.size() < financePoints.size()) {
            List<List<Nearest<StoredFeature>>> near = clusters.parallelStream()
                    .map(c -> indexes.financePoints.within(c.feature().geometry(), catchment, false)).toList();
            for (int i = 0; i < clusters.size(); i++) {
                for (Nearest<StoredFeature> p : near.get(i)) {
                    byPoint.computeIfAbsent(p.item(), k -> new ArrayList<>())
                            .add(new Nearest<>(clusters.get(i), p.metres(), p.closest()));
                }
            }
        } else {
            List<List<Nearest<StoredFeature>>> near = financePoints.parallelStream()
                    .map(point -> indexes.clusters.within(point.feature().geometry(), catchment, false)).toList();
            for (int j = 0; j < financePoints.size(); j++) {
                byPoint.put(financePoints.get(j), near.get(j));
            }
        }
        for (StoredFeature point : financePoints) {
            List<Nearest<StoredFeature>> pairs = byPoint.getOrDefault(point, List.of());
            double demand = 0;
            for (Nearest<StoredFeature> c : pairs) {
                Integer size = ((Cluster) c.item().feature()).size();
                demand += (size == null ? 1 : size) * decay(c.metres());
            }
            double r = demand > 0 ? 1 / demand : 0;
            ratio.put(point, r);
            for (Nearest<StoredFeature> c : pairs) {
                clusterAccess.merge(c.item(), r * decay(c.metres()), Double::sum);
            }
        }
        return this;
    }

    /** Step 2 for a cluster of the data: its access points per 10,000 workers. */
    double clusterAccess(StoredFeature cluster) {
        return clusterAccess.getOrDefault(cluster, 0.0) * 10_000;
    }

    /** Step 2: access points per 10,000 workers reachable from a footprint. */
    double access(Geometry footprint) {
        double a = 0;
        for (Nearest<StoredFeature> f : indexes.financePoints.within(footprint, catchment, false)) {
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
