package org.clustergrid.render;

import java.util.List;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;

/**
 * How a layer is drawn. Styles are looked up by layer and {@link #name()} in a {@link StyleRegistry}, so new ones
 * (e.g. cluster scores) plug in without touching the renderer.
 */
public non-sealed interface Style extends MapLayer {
    Layer layer();

    /** The name clients ask for in STYLES / STYLE. */
    String name();

    @Override
    String title();

    /**
     * This style bound to the data of the moment, used for one whole map, legend or query: a style that reads
     * changing data (e.g. the current scores) reads it here once, not per feature. Most styles are fixed.
     */
    default Style resolved() {
        return this;
    }

    /** The symbol for a feature, or null to leave it out. */
    Symbol symbol(LayerFeature feature);

    /** Drawing order within the layer: higher is drawn later (on top). */
    default int order(LayerFeature feature) {
        return 0;
    }

    /** The label to place for a feature at this scale, or null. */
    default String label(LayerFeature feature, double metresPerPixel) {
        return null;
    }

    /** Higher-priority labels are placed first and win collisions. */
    default int labelPriority(LayerFeature feature) {
        return 0;
    }

    /** The legend rows, with the very symbols {@link #symbol} uses. */
    @Override
    List<LegendItem> legend();
}
