package org.clustergrid.render;

import java.util.List;
import java.util.Map;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.dimension.Selection;

/**
 * A layer of a map as drawn: stored features in a {@link Style}, a computed {@link Surface}, or features that bring
 * their own symbols ({@link FeatureLayer}); each has a legend.
 */
public sealed interface MapLayer permits Style, Surface, FeatureLayer {
    String title();

    /** The legend rows, with the very symbols the map uses. */
    List<LegendItem> legend();

    /** The dimensions (WMS elevation, time) the layer declares; empty for none. */
    default List<Dimension> dimensions() {
        return List.of();
    }

    /**
     * This layer showing only what the selections pick, one for each dimension it declares. Layers without
     * dimensions are themselves.
     */
    default MapLayer selecting(Map<Axis, Selection> s) {
        return this;
    }
}
