package org.clustergrid.layers.measure;

import java.util.List;
import java.util.Optional;
import org.clustergrid.filter.Condition;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;

/** Where measurements read context layers from: the store, or a test's own layers. */
public interface LayerSource {

    /** The layer of that name; empty when there is none. */
    Optional<ContextLayer> layer(String name);

    /**
     * The layer's features satisfying {@code filter} (null for all), at most {@code limit} of them.
     *
     * @throws IllegalArgumentException when the filter names an attribute the layer cannot be filtered on, or compares
     *     it with a value of the wrong type
     */
    List<ContextFeature> features(ContextLayer layer, Condition filter, int limit);

    /** No layers at all. */
    LayerSource NONE = new LayerSource() {
        @Override
        public Optional<ContextLayer> layer(String name) {
            return Optional.empty();
        }

        @Override
        public List<ContextFeature> features(ContextLayer layer, Condition filter, int limit) {
            return List.of();
        }
    };
}
