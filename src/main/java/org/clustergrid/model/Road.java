package org.clustergrid.model;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A road segment.
 *
 * @param roadClass OSM {@code highway} value or the source's class (e.g. {@code primary}, {@code track})
 * @param surface the raw surface description, null when unknown
 * @param paving paved / unpaved / unknown, derived from surface, tracktype and smoothness
 * @param allSeason passable all year: paved, or a trunk/primary/secondary class whose surface is not known to be unpaved
 * @param motorable usable by a motor vehicle (not a footway, path, steps, cycleway …)
 * @param geometry a LineString or MultiLineString in EPSG:4326
 */
public record Road(
        String id,
        String roadClass,
        String surface,
        Paving paving,
        boolean allSeason,
        boolean motorable,
        String name,
        String ref,
        Geometry geometry,
        Map<String, Object> attributes)
        implements LayerFeature {

    public Road {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        paving = paving == null ? Paving.UNKNOWN : paving;
        attributes = Attributes.copy(attributes);
    }

    @Override
    public Layer layer() {
        return Layer.ROADS;
    }

    /** Whether a road is known to be paved. */
    public enum Paving {
        PAVED,
        UNPAVED,
        UNKNOWN
    }
}
