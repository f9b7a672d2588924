package org.clustergrid.render;

import java.awt.Color;
import java.util.List;
import java.util.function.Function;

/**
 * What to draw.
 *
 * @param layers the layers (stored features in a style, or computed surfaces), bottom first
 * @param background background colour, or null for a transparent image
 * @param attribution the text a dataset's licence asks maps to show, by dataset id (null when none)
 */
public record MapSpec(Viewport viewport, List<MapLayer> layers, Color background, boolean labels,
        Function<String, String> attribution) {
    public MapSpec {
        layers = List.copyOf(layers);
        attribution = attribution == null ? id -> null : attribution;
    }
}
