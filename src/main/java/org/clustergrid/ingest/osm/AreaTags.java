package org.clustergrid.ingest.osm;

import java.util.Map;
import java.util.Set;

/**
 * Whether a closed way is an area or a ring-shaped line: {@code area=yes} makes it an area and {@code area=no} a
 * line; otherwise it is an area when it has one of the keys GDAL's OSM driver lists as
 * {@code closed_ways_are_polygons} (osmconf.ini), so a layer reads as it would in QGIS. A closed
 * {@code highway=*} (a roundabout) stays a line unless tagged {@code area=yes}.
 */
final class AreaTags {
    static final Set<String> AREA_KEYS = Set.of("aeroway", "amenity", "boundary", "building", "craft", "geological",
            "historic", "landuse", "leisure", "military", "natural", "office", "place", "shop", "sport", "tourism");

    private AreaTags() {}

    static boolean closedWayIsArea(Map<String, String> tags) {
        String area = tags.get("area");
        if ("yes".equals(area)) {
            return true;
        }
        if ("no".equals(area)) {
            return false;
        }
        for (String k : AREA_KEYS) {
            if (tags.containsKey(k)) {
                return true;
            }
        }
        return false;
    }
}
