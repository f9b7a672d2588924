package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.coverage.CoverageCells;
import org.clustergrid.coverage.LayerCoverage;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;

/**
 * The layers a scoring run works on, read from the store at one data version, with where each layer has data.
 *
 * @param coverages by dataset id: its recorded coverage, or for a dataset without one the cells of its own
 *     features ({@link CoverageCells}) for the layers it has features in
 */
public record ScoringData(
        long dataVersion,
        List<StoredFeature> clusters,
        List<StoredFeature> roads,
        List<StoredFeature> power,
        List<StoredFeature> finance,
        List<StoredFeature> markets,
        Map<String, Coverage> coverages) {

    public ScoringData {
        clusters = List.copyOf(clusters);
        roads = List.copyOf(roads);
        power = List.copyOf(power);
        finance = List.copyOf(finance);
        markets = List.copyOf(markets);
        coverages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coverages));
    }

    /** Layers without recorded coverage: each dataset covers the cells of its own features. */
    public ScoringData(long dataVersion, List<StoredFeature> clusters, List<StoredFeature> roads,
            List<StoredFeature> power, List<StoredFeature> finance, List<StoredFeature> markets) {
        this(dataVersion, clusters, roads, power, finance, markets,
                derived(List.of(), List.of(clusters, roads, power, finance, markets)));
    }

    /** Reads every layer; the version is read first, so a concurrent import makes the data newer, never older. */
    public static ScoringData load(SpatialStore store) {
        long version = store.dataVersion();
        List<Dataset> datasets = store.datasets();
        List<List<StoredFeature>> layers = new ArrayList<>();
        for (Layer l : List.of(Layer.CLUSTERS, Layer.ROADS, Layer.POWER, Layer.FINANCE, Layer.MARKETS)) {
            layers.add(store.query(l, FeatureQuery.all()).features());
        }
        return new ScoringData(version, layers.get(0), layers.get(1), layers.get(2), layers.get(3), layers.get(4),
                derived(datasets, layers));
    }

    /** Each layer's coverage: the union over its datasets. */
    public LayerCoverage layerCoverage() {
        return LayerCoverage.of(List.copyOf(coverages.values()));
    }

    /** The recorded coverages, plus one derived from the features of every dataset that has none recorded. */
    private static Map<String, Coverage> derived(List<Dataset> datasets, List<List<StoredFeature>> layers) {
        Map<String, Coverage> out = new LinkedHashMap<>();
        Map<String, Boolean> recorded = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            recorded.put(d.id(), d.coverage() != null);
            if (d.coverage() != null) {
                out.put(d.id(), d.coverage());
            }
        }
        Map<String, CoverageCells> cells = new LinkedHashMap<>();
        Map<String, EnumSet<Layer>> present = new LinkedHashMap<>();
        for (List<StoredFeature> layer : layers) {
            for (StoredFeature f : layer) {
                if (!recorded.getOrDefault(f.datasetId(), false)) {
                    cells.computeIfAbsent(f.datasetId(), k -> new CoverageCells()).add(f.feature().geometry());
                    present.computeIfAbsent(f.datasetId(), k -> EnumSet.noneOf(Layer.class)).add(f.feature().layer());
                }
            }
        }
        cells.forEach((id, c) -> out.put(id, derivedCoverage(c, present.get(id))));
        return out;
    }

    private static Coverage derivedCoverage(CoverageCells cells, java.util.Set<Layer> layers) {
        return new Coverage(cells.area(), layers, Coverage.Method.DERIVED,
                "derived from the features: " + CoverageCells.describe());
    }

    /**
     * These data at a later version in which only clusters changed (the register edited), holding {@code clusters}
     * and the same other layers, as {@link #load} reads them: a recorded coverage stands, and that of each dataset
     * recording none is derived again from its features when they are clusters only. Null when a dataset in {@code
     * touched} records none and has features of other layers too, since moving its cluster would move where those
     * layers count as covered.
     *
     * @param recorded the datasets that record a coverage
     */
    public ScoringData withClusters(long version, List<StoredFeature> clusters, java.util.Set<String> touched,
            java.util.Set<String> recorded) {
        Map<String, Coverage> out = new LinkedHashMap<>();
        for (Map.Entry<String, Coverage> e : coverages.entrySet()) {
            boolean fromFeatures = !recorded.contains(e.getKey());
            if (fromFeatures && e.getValue().layers().equals(EnumSet.of(Layer.CLUSTERS))) {
                continue; // derived again below
            }
            if (fromFeatures && touched.contains(e.getKey())) {
                return null;
            }
            out.put(e.getKey(), e.getValue());
        }
        Map<String, CoverageCells> cells = new LinkedHashMap<>();
        for (StoredFeature f : clusters) {
            if (!out.containsKey(f.datasetId())) {
                cells.computeIfAbsent(f.datasetId(), k -> new CoverageCells()).add(f.feature().geometry());
            }
        }
        cells.forEach((id, c) -> out.put(id, derivedCoverage(c, EnumSet.of(Layer.CLUSTERS))));
        return new ScoringData(version, clusters, roads, power, finance, markets, out);
    }
}
