package org.clustergrid.layers.measure;

import java.util.List;
import java.util.Optional;
import org.clustergrid.filter.Condition;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.raster.GeoTiffGrid;
import org.clustergrid.raster.RasterLayer;

/** Where measurements read context layers (vector and raster) from: the store, or a test's own layers. */
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

    /** The raster layer of that name; empty when there is none. */
    Optional<RasterLayer> raster(String name);

    /**
     * The raster layer's grid, opened for reading (a run opens each once and reads windows of it per place).
     *
     * @throws org.clustergrid.raster.RasterException when its file cannot be read
     */
    GeoTiffGrid open(RasterLayer layer);

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

        @Override
        public Optional<RasterLayer> raster(String name) {
            return Optional.empty();
        }

        @Override
        public GeoTiffGrid open(RasterLayer layer) {
            throw new IllegalArgumentException("no raster layer '" + layer.name() + "' here");
        }
    };
}
