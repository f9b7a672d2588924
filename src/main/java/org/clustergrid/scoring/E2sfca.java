package org.clustergrid.scoring;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.clustergrid.index.IndexedValues;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
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
    /**
     * The access these points were added to ({@link #withAdded}), holding every ratio and access not in this one's
     * maps; null for one prepared.
     */
    private final E2sfca base;

    E2sfca(LayerIndexes indexes, double catchmentMetres) {
        this(indexes, catchmentMetres, null);
    }

    private E2sfca(LayerIndexes indexes, double catchmentMetres, E2sfca base) {
        this.indexes = indexes;
        this.catchment = catchmentMetres;
        this.base = base;
    }

    /**
     * Step 1 for every finance point, then step 2 for every cluster, both over the same (point, cluster) pairs
     * within the catchment, found once; call once before {@link #access}. The pairs are searched from the smaller
     * side: from each cluster when there are fewer clusters than finance points (a national bank register beside a
     * cluster register: 10,000 searches instead of 140,000), else from each point. Either way a point's demand is
     * summed over its clusters in the order of the cluster list, and a cluster's access over its points in the order
     * of the point list, so the result does not depend on the side searched or on the threads.
     */
    E2sfca prepare(List<StoredFeature> financePoints, List<StoredFeature> clusters) {
        boolean fromClusters = clusters.size() < financePoints.size();
        List<StoredFeature> queries = fromClusters ? clusters : financePoints;
        NearestIndex<StoredFeature> searched = fromClusters ? indexes.financePoints : indexes.clusters;
        int[] listIndex = fromClusters ? LayerIndexes.positions(searched, financePoints) : indexes.clusterPositions;
        // each query's pairs, in list order of the other side
        IndexedValues[] found = new IndexedValues[queries.size()];
        IntStream.range(0, queries.size()).parallel().forEach(q -> {
            IndexedValues pairs = new IndexedValues(); // (list index, decay weight)
            searched.forEachWithin(queries.get(q).feature().geometry(), catchment,
                    (item, metres) -> pairs.add(listIndex[item], decay(metres)));
            pairs.sortByIndex();
            found[q] = pairs;
        });
        double[] workers = new double[clusters.size()];
        for (int c = 0; c < workers.length; c++) {
            Integer size = ((Cluster) clusters.get(c).feature()).size();
            workers[c] = size == null ? 1 : size;
        }
        // step 1: each point's demand over its clusters in list order, each sum walked by one thread or in order
        double[] demand = new double[financePoints.size()];
        if (fromClusters) {
            for (int c = 0; c < found.length; c++) {
                for (int k = 0; k < found[c].size(); k++) {
                    demand[found[c].index(k)] += workers[c] * found[c].value(k);
                }
            }
        } else {
            IntStream.range(0, found.length).parallel().forEach(p -> {
                double sum = 0;
                for (int k = 0; k < found[p].size(); k++) {
                    sum += workers[found[p].index(k)] * found[p].value(k);
                }
                demand[p] = sum;
            });
        }
        double[] r = new double[financePoints.size()];
        for (int p = 0; p < r.length; p++) {
            r[p] = demand[p] > 0 ? 1 / demand[p] : 0;
            ratio.put(financePoints.get(p), r[p]);
        }
        // step 2: each cluster's access over its points in list order
        double[] access = new double[clusters.size()];
        if (fromClusters) {
            IntStream.range(0, found.length).parallel().forEach(c -> {
                double sum = 0;
                for (int k = 0; k < found[c].size(); k++) {
                    sum += r[found[c].index(k)] * found[c].value(k);
                }
                access[c] = sum;
            });
        } else {
            for (int p = 0; p < found.length; p++) {
                for (int k = 0; k < found[p].size(); k++) {
                    access[found[p].index(k)] += r[p] * found[p].value(k);
                }
            }
        }
        for (int c = 0; c < clusters.size(); c++) {
            clusterAccess.put(clusters.get(c), access[c]);
        }
        return this;
    }

    /**
     * The access after finance points are added at the end of the list ({@code indexes} holding them too): the old
     * points' ratios stand (their catchments hold the same clusters), each new point's ratio is summed over its
     * clusters in list order, and its share is added to its clusters' access after the old points' shares — the
     * order {@link #prepare} sums in, so the values are the same.
     */
    E2sfca withAdded(LayerIndexes indexes, List<StoredFeature> added, List<StoredFeature> clusters) {
        // only what the added points change is held: the rest is read from this one, not copied
        E2sfca out = new E2sfca(indexes, catchment, this);
        int[] listIndex = indexes.clusterPositions;
        for (StoredFeature point : added) {
            IndexedValues pairs = new IndexedValues(); // (cluster's list index, decay weight)
            indexes.clusters.forEachWithin(point.feature().geometry(), catchment,
                    (item, metres) -> pairs.add(listIndex[item], decay(metres)));
            pairs.sortByIndex();
            double demand = 0;
            for (int k = 0; k < pairs.size(); k++) {
                Integer size = ((Cluster) clusters.get(pairs.index(k)).feature()).size();
                demand += (size == null ? 1 : size) * pairs.value(k);
            }
            double r = demand > 0 ? 1 / demand : 0;
            out.ratio.put(point, r);
            for (int k = 0; k < pairs.size(); k++) {
                StoredFeature c = clusters.get(pairs.index(k));
                out.clusterAccess.put(c, out.accessOf(c) + r * pairs.value(k));
            }
        }
        return out;
    }

    private double accessOf(StoredFeature cluster) {
        Double own = clusterAccess.get(cluster);
        return own != null ? own : base != null ? base.accessOf(cluster) : 0.0;
    }

    private double ratioOf(StoredFeature point) {
        Double own = ratio.get(point);
        return own != null ? own : base != null ? base.ratioOf(point) : 0.0;
    }

    /** Step 2 for a cluster of the data: its access points per 10,000 workers. */
    double clusterAccess(StoredFeature cluster) {
        return accessOf(cluster) * 10_000;
    }

    /** Step 2: access points per 10,000 workers reachable from a footprint. */
    double access(Geometry footprint) {
        double a = 0;
        for (Nearest<StoredFeature> f : indexes.financePoints.within(footprint, catchment, false)) {
            a += ratioOf(f.item()) * decay(f.metres());
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
