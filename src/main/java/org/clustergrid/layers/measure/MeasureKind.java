package org.clustergrid.layers.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What is measured of a context layer around a place: of a vector layer's features, or of a raster's cells. */
public enum MeasureKind {
    /** Geodesic distance (m) to the nearest feature. */
    NEAREST,
    /** Number of features within a distance. */
    COUNT_WITHIN,
    /** Sum of a numeric attribute over the features within a distance. */
    SUM_WITHIN,
    /** The attribute of the polygon containing the place: a number, or a boolean as 1/0. */
    CONTAINING_VALUE,
    /** The value of the raster cell holding the place. */
    RASTER_VALUE,
    /** Sum of the values of the raster cells whose centres lie within a distance. */
    RASTER_SUM_WITHIN,
    /** Mean of the values of the raster cells (with data) whose centres lie within a distance. */
    RASTER_MEAN_WITHIN,
    /** Number of features reached over the road network within a travel time. */
    COUNT_REACHABLE,
    /** Sum of a numeric attribute over the features reached over the road network within a travel time. */
    SUM_REACHABLE,
    /** Sum of the values of the raster cells whose centres are reached over the road network within a travel time. */
    RASTER_SUM_REACHABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MeasureKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** Whether the measure needs a distance ({@code radius_m}). */
    public boolean needsRadius() {
        return this == COUNT_WITHIN || this == SUM_WITHIN || this == RASTER_SUM_WITHIN || this == RASTER_MEAN_WITHIN;
    }

    /** Whether the measure needs a travel time ({@code minutes}): the features are reached over the road network. */
    public boolean needsMinutes() {
        return this == COUNT_REACHABLE || this == SUM_REACHABLE || this == RASTER_SUM_REACHABLE;
    }

    /** Whether the measure reads a raster layer (else a vector layer). */
    public boolean raster() {
        return this == RASTER_VALUE || this == RASTER_SUM_WITHIN || this == RASTER_MEAN_WITHIN
                || this == RASTER_SUM_REACHABLE;
    }

    /** The ids of the kinds that read a raster (or else a vector layer), as a sentence lists them. */
    static String listed(boolean raster) {
        java.util.List<String> ids = Arrays.stream(values()).filter(k -> k.raster() == raster).map(MeasureKind::id)
                .toList();
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /** Whether the measure needs an attribute. */
    public boolean needsAttribute() {
        return this == SUM_WITHIN || this == CONTAINING_VALUE || this == SUM_REACHABLE;
    }
}
