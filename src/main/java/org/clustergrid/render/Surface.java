package org.clustergrid.render;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer of areas coloured by value: the cells of a grid the server computes (e.g. hexagons of travel time), each
 * with a colour and its own properties, or the pixels of a user's raster, which paints its view itself
 * ({@link #paint}). The renderer fills the cells opaque into a layer of their own and lays that over the map at
 * {@link #opacity()}, so neighbouring cells leave no seam where their edges meet and roads show through.
 */
public non-sealed interface Surface extends MapLayer {
    /** The name clients ask for in LAYERS. */
    String name();

    String description();

    /** The longitude/latitude box the cells cover; null when there are none. */
    Envelope extent();

    /** Opacity of the whole layer, 0–1. */
    float opacity();

    /** The cells reaching into a longitude/latitude box. */
    List<Cell> cells(Envelope lonLat);

    /** The cell containing a point, if any. */
    Optional<Cell> cellAt(double lon, double lat);

    List<String> keywords();

    /** The datasets the surface is derived from, whose attributions a map of it shows. */
    List<String> sourceDatasets();

    /**
     * The layer's pixels of a whole view, painted by the layer itself (a raster, resampled to the view), or null for
     * a layer of {@link #cells} (the default).
     */
    default java.awt.image.BufferedImage paint(Viewport view) {
        return null;
    }

    /** The text a map showing it and its capabilities name as its own source, or null (a computed surface's sources
     * carry theirs, {@link #sourceDatasets}). */
    default String attribution() {
        return null;
    }

    /** One cell: a longitude/latitude polygon, its opaque colour and what GetFeatureInfo reports of it. */
    record Cell(String id, Geometry geometry, Color colour, Map<String, Object> properties) {}

    @Override
    default Surface selecting(java.util.Map<org.clustergrid.dimension.Axis, org.clustergrid.dimension.Selection> s) {
        return this;
    }
}
