package org.clustergrid.render;

import java.util.List;

/**
 * A layer of a map as drawn: stored features in a {@link Style}, a computed {@link Surface}, or features that bring
 * their own symbols ({@link FeatureLayer}); each has a legend.
 */
public sealed interface MapLayer permits Style, Surface, FeatureLayer {
    String title();

    /** The legend rows, with the very symbols the map uses. */
    List<LegendItem> legend();
}
