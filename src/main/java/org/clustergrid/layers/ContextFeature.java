package org.clustergrid.layers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature of a context layer: its number in the layer (1, 2, … in the order of the file), its geometry in
 * EPSG:4326 (x = longitude) and its attributes by name, typed as the layer declares ({@link AttributeType}); a
 * missing value is absent or null.
 */
public record ContextFeature(long fid, Geometry geometry, Map<String, Object> attributes) {

    /** The attributes with dates and date-times as ISO 8601 text, as every output (JSON, CSV, tiles, maps) shows them. */
    public Map<String, Object> plainAttributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, v instanceof LocalDate || v instanceof Instant ? v.toString() : v));
        return out;
    }
}
