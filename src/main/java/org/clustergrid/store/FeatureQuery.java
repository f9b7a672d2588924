package org.clustergrid.store;

import org.locationtech.jts.geom.Envelope;

/**
 * A page of a layer: features intersecting {@code bbox} (longitude/latitude; null for all), ordered by dataset and
 * id so pages are stable.
 */
public record FeatureQuery(Envelope bbox, long offset, int limit) {
    public FeatureQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, 0, Integer.MAX_VALUE);
    }
}
