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
        cells.forEach((id, c) -> out.put(id, new Coverage(c.area(), present.get(id), Coverage.Method.DERIVED,
                "derived from the features: " + CoverageCells.describe())));
        return out;
    }
}
