package org.clustergrid.model;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature of one layer. Geometries are always WGS84 longitude/latitude (EPSG:4326, x = longitude).
 * {@link #id()} is the feature's identifier inside its dataset (e.g. {@code w12345} for an OSM way).
 */
public sealed interface LayerFeature permits Cluster, Road, PowerFeature, FinancePoint, Market {
    String id();

    Geometry geometry();

    Layer layer();

    /** Source attributes kept as they came (free attributes, original tags). Never null. */
    Map<String, Object> attributes();
}
