package org.clustergrid.ogc.wms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ScoringService;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.regions.RegionAggregator;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.springframework.stereotype.Component;

/**
 * The figures of a polygon layer's areas under the profile's scoring run, for the {@link RegionScoreLayer} style:
 * summed up once per layer import and run (a map of the areas asks for them all), as {@code /api/regions} sums them.
 */
@Component
class RegionScoreSource {
    /** Most areas a layer may have to offer the style: every map sums them all up once. */
    static final int MAX_AREAS = 20_000;
    private static final int KEPT = 8;

    private record Key(String layer, java.time.Instant imported, ScoringRun run) {}

    private final SpatialStore store;
    private final ScoringService scoring;
    private final Map<Key, Map<Long, RegionSummary>> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Map<Long, RegionSummary>> eldest) {
            return size() > KEPT;
        }
    };

    RegionScoreSource(SpatialStore store, ScoringService scoring) {
        this.store = store;
        this.scoring = scoring;
    }

    /** Whether the layer's areas can be coloured by their clusters' scores. */
    static boolean offers(ContextLayer layer) {
        return (layer.geometryKind() == GeometryKind.POLYGON || layer.geometryKind() == GeometryKind.MIXED)
                && layer.featureCount() <= MAX_AREAS;
    }

    Map<Long, RegionSummary> summaries(ContextLayer layer) {
        ScoringRun run = scoring.defaultRun();
        Key key = new Key(layer.name(), layer.importedAt(), run);
        synchronized (kept) {
            Map<Long, RegionSummary> m = kept.get(key);
            if (m != null) {
                return m;
            }
        }
        List<ContextFeature> areas = store.contextLayers().features(layer, new FeatureQuery(null, 0, MAX_AREAS));
        Map<Long, RegionSummary> m = new HashMap<>();
        for (RegionSummary r : RegionAggregator.aggregate(areas, null, scoring.regionClusters(run), 0).regions()) {
            m.put(r.fid(), r);
        }
        synchronized (kept) {
            kept.put(key, Map.copyOf(m));
        }
        return m;
    }
}
