package org.clustergrid.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.filter.Condition;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.measure.LayerSource;

/** The store's context layers as scoring reads them: the filter evaluated by the store, in SQL. */
public final class ContextLayerFeed implements LayerSource {
    private final ContextLayerStore layers;

    public ContextLayerFeed(ContextLayerStore layers) {
        this.layers = layers;
    }

    @Override
    public Optional<ContextLayer> layer(String name) {
        return layers.layer(name);
    }

    @Override
    public List<ContextFeature> features(ContextLayer layer, Condition filter, int limit) {
        return layers.features(layer, new FeatureQuery(null, null, Map.of(), filter, 0, limit));
    }
}
