package org.clustergrid.layers.measure;

import java.util.Objects;
import org.clustergrid.filter.Condition;

/**
 * One measurement asked of a context layer (a vector layer, or a raster layer for the {@code raster_} kinds).
 *
 * @param filterText the CQL2 text of {@code filter} as written, null for none (also tells measures that share a
 *     reading of the layer)
 * @param filter the features the measure looks at, null for all
 * @param attribute the attribute summed or read; null for {@link MeasureKind#NEAREST} and {@link
 *     MeasureKind#COUNT_WITHIN}
 * @param radiusM the distance of the {@code _within} kinds ({@link MeasureKind#needsRadius}), else null
 * @param minutes the travel time over the road network of the {@code _reachable} kinds ({@link
 *     MeasureKind#needsMinutes}), else null
 */
public record Measure(MeasureKind kind, String layer, String filterText, Condition filter, String attribute,
        Double radiusM, Double minutes) {

    /** A measure without a travel time (every kind but the {@code _reachable} ones). */
    public Measure(MeasureKind kind, String layer, String filterText, Condition filter, String attribute,
            Double radiusM) {
        this(kind, layer, filterText, filter, attribute, radiusM, null);
    }

    public Measure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(layer, "layer");
        if (kind.needsAttribute() != (attribute != null)) {
            throw new IllegalArgumentException(kind.id() + (kind.needsAttribute() ? " needs" : " takes no")
                    + " attribute");
        }
        if (kind.needsRadius() != (radiusM != null)) {
            throw new IllegalArgumentException(kind.id() + (kind.needsRadius() ? " needs" : " takes no") + " radius_m");
        }
        if (radiusM != null && !(radiusM >= 0 && Double.isFinite(radiusM))) {
            throw new IllegalArgumentException("radius_m must be a distance in metres, not " + radiusM);
        }
        if (kind.needsMinutes() != (minutes != null)) {
            throw new IllegalArgumentException(kind.id() + (kind.needsMinutes() ? " needs" : " takes no") + " minutes");
        }
        if (minutes != null && !(minutes > 0 && Double.isFinite(minutes))) {
            throw new IllegalArgumentException("minutes must be a travel time above 0, not " + minutes);
        }
        if (kind.raster() && filter != null) {
            throw new IllegalArgumentException(kind.id() + " takes no filter: a raster's cells have no attributes");
        }
        if ((filterText == null) != (filter == null)) {
            throw new IllegalArgumentException("a filter comes with its text");
        }
    }

    /** The travel time in seconds of a {@code _reachable} kind. */
    public double seconds() {
        if (minutes == null) {
            throw new IllegalStateException(kind.id() + " has no travel time");
        }
        return minutes * 60;
    }

    /** The layer as this measure reads it: its name and filter. */
    String reading() {
        return filterText == null ? layer : layer + " [" + filterText + "]";
    }
}
