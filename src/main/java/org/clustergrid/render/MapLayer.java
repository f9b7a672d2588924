package org.clustergrid.render;

import java.util.List;

/** A layer of a map as drawn: stored features in a {@link Style}, or a computed {@link Surface}; each has a legend. */
public sealed interface MapLayer permits Style, Surface {
    String title();

    /** The legend rows, with the very symbols the map uses. */
    List<LegendItem> legend();
}
