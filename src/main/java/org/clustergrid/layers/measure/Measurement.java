package org.clustergrid.layers.measure;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * What one measure found at one place: a value with the feature behind it, or why there is none.
 *
 * @param value null when unknown ({@code gap} says why)
 * @param feature the feature behind the value (the nearest; the nearest counted; the containing polygon; the raster
 *     cell), else null
 * @param metres the distance to {@code feature}
 * @param from where the line to {@code feature} starts (the place, or its footprint's point nearest to it)
 * @param to the feature's point nearest to the place
 * @param details extra facts: counts, the radius, features that do not report the attribute, cells without data
 * @param gap why the value is unknown; null when measured
 * @param seconds the travel time over the road network to {@code feature} (the {@code _reachable} kinds), else null
 */
public record Measurement(Double value, FeatureRef feature, Double metres, Coordinate from, Coordinate to,
        Map<String, Object> details, Gap gap, Double seconds) {

    public Measurement {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A measurement without a travel time. */
    public Measurement(Double value, FeatureRef feature, Double metres, Coordinate from, Coordinate to,
            Map<String, Object> details, Gap gap) {
        this(value, feature, metres, from, to, details, gap, null);
    }

    /**
     * The feature a value rests on: its id in the layer (a vector feature's fid; a raster cell's
     * {@code column-row}) and its name, if it has one.
     */
    public record FeatureRef(String layer, String id, String name) {
        public FeatureRef(String layer, long fid, String name) {
            this(layer, Long.toString(fid), name);
        }
    }

    /** Why a measure has no value. */
    public record Gap(Kind kind, String message) {
        public Gap {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The kinds of "unknown", each kept apart from a measured 0 (the road network's own are the scoring's). */
    public enum Kind {
        /** The store has no such layer, or no feature of it (or none the filter keeps). */
        NO_FEATURES,
        /** The place lies outside the layer's extent (or a raster's grid): the layer says nothing about it. */
        OUTSIDE_EXTENT,
        /** No polygon of the layer contains the place. */
        NOT_CONTAINED,
        /** The features found do not report the attribute; the raster cells found have no data. */
        NOT_REPORTED,
        /**
         * The layer cannot answer the measure: no such attribute, the wrong type, a filter it refuses, too large, a
         * vector layer asked a raster's measure or the reverse, a raster that cannot be read.
         */
        UNUSABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Measurement unknown(Kind kind, String message) {
        return new Measurement(null, null, null, null, null, Map.of(), new Gap(kind, message));
    }

    public boolean measured() {
        return gap == null;
    }
}
