package org.clustergrid.ogc.wms;

import java.util.List;
import java.util.function.Supplier;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.SpatialStore;
import org.springframework.stereotype.Component;

/**
 * Supplies the style registry with the context layers as map layers, listed again only when the data version moves
 * (an import or a delete), so capabilities and maps follow them without a query per request.
 */
@Component
class ContextMapLayers implements Supplier<List<FeatureLayer>> {
    private record Listed(long version, List<FeatureLayer> layers) {}

    private final SpatialStore store;
    private final DataStateSource states;
    private final RegionScoreSource regions;
    private volatile Listed listed;

    ContextMapLayers(SpatialStore store, DataStateSource states, StyleRegistry registry, RegionScoreSource regions) {
        this.store = store;
        this.states = states;
        this.regions = regions;
        registry.registerFeatureLayers(this);
    }

    @Override
    public List<FeatureLayer> get() {
        long version = states.current().version();
        Listed l = listed;
        if (l == null || l.version() != version) {
            var contexts = store.contextLayers();
            l = new Listed(version, contexts.layers().stream()
                    .map(c -> (FeatureLayer) new ContextFeatureLayer(c, contexts,
                            RegionScoreSource.offers(c) ? regions::summaries : null)).toList());
            listed = l;
        }
        return l.layers();
    }
}
