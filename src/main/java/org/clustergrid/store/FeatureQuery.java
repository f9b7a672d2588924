package org.clustergrid.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.filter.Condition;
import org.locationtech.jts.geom.Envelope;

/**
 * A page of a layer: features intersecting {@code bbox} (longitude/latitude; null for all), or {@code orBbox} when
 * given (the second half of a box across the antimeridian), whose properties equal every entry of {@code equals},
 * ordered by dataset and id so pages are stable.
 *
 * @param equals canonical field name (or {@code dataset}, or the layer's id field) to the value it must equal, as
 *     text; the store converts it to the field's type and refuses unknown fields and unconvertible values with
 *     {@link IllegalArgumentException}
 * @param filter a CQL2 condition the features must also satisfy (null for none), geometries in longitude/latitude;
 *     the store refuses unknown properties and literals of the wrong type with {@link IllegalArgumentException}
 */
public record FeatureQuery(Envelope bbox, Envelope orBbox, Map<String, String> equals, Condition filter, long offset,
        int limit) {
    public FeatureQuery {
        if (orBbox != null && bbox == null) {
            throw new IllegalArgumentException("orBbox needs a bbox");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        // copied in order so the SQL and its parameters are built alike every time
        equals = equals == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(equals));
    }

    public FeatureQuery(Envelope bbox, Envelope orBbox, Map<String, String> equals, long offset, int limit) {
        this(bbox, orBbox, equals, null, offset, limit);
    }

    public FeatureQuery(Envelope bbox, Map<String, String> equals, long offset, int limit) {
        this(bbox, null, equals, offset, limit);
    }

    public FeatureQuery(Envelope bbox, long offset, int limit) {
        this(bbox, Map.of(), offset, limit);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, 0, Integer.MAX_VALUE);
    }
}
