package org.clustergrid.layers;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature of a context layer: its number in the layer (1, 2, … in the order of the file), its geometry in
 * EPSG:4326 (x = longitude) and its attributes by name, typed as the layer declares ({@link AttributeType}); a
 * missing value is absent or null.
 */
public record ContextFeature(long fid, Geometry geometry, Map<String, Object> attributes) {}
