package org.clustergrid.scoring;

import java.util.List;
import org.clustergrid.model.Layer;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;

/** The layers a scoring run works on, read from the store at one data version. */
public record ScoringData(
        long dataVersion,
        List<StoredFeature> clusters,
        List<StoredFeature> roads,
        List<StoredFeature> power,
        List<StoredFeature> finance,
        List<StoredFeature> markets) {

    public ScoringData {
        clusters = List.copyOf(clusters);
        roads = List.copyOf(roads);
        power = List.copyOf(power);
        finance = List.copyOf(finance);
        markets = List.copyOf(markets);
    }

    /** Reads every layer; the version is read first, so a concurrent import makes the data newer, never older. */
    public static ScoringData load(SpatialStore store) {
        long version = store.dataVersion();
        return new ScoringData(version, all(store, Layer.CLUSTERS), all(store, Layer.ROADS), all(store, Layer.POWER),
                all(store, Layer.FINANCE), all(store, Layer.MARKETS));
    }

    private static List<StoredFeature> all(SpatialStore store, Layer layer) {
        return store.query(layer, FeatureQuery.all()).features();
    }
}
