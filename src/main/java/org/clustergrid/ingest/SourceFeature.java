package org.clustergrid.ingest;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature as read from a file, before it is mapped to a layer: geometry already in EPSG:4326 (x = longitude) and
 * the attributes with their source names.
 *
 * @param file the file name used in problem reports
 * @param location where in the file, e.g. {@code line 7}, {@code feature 3}, {@code record 12}
 * @param geometry null when the source record has no geometry (a reader reports that as an error itself)
 */
public record SourceFeature(String file, String location, Geometry geometry, Map<String, Object> attributes) {}
