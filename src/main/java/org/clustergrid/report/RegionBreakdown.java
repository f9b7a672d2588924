package org.clustergrid.report;

import java.util.List;
import java.util.Objects;
import org.clustergrid.layers.ContextFeature;

/**
 * The sub-regions a regional report sums its clusters up by: the polygons of a layer of the user's (districts within
 * a state, states within a country).
 *
 * @param layer the layer's name
 * @param title its title, or null
 * @param nameAttribute the attribute naming its polygons, or null
 */
public record RegionBreakdown(String layer, String title, String nameAttribute, List<ContextFeature> areas) {
    public RegionBreakdown {
        Objects.requireNonNull(layer, "layer");
        areas = List.copyOf(areas);
    }

    /** "Districts" or the layer's name. */
    String label() {
        return title == null || title.isBlank() ? layer : title;
    }
}
