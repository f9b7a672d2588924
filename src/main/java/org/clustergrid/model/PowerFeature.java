package org.clustergrid.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A piece of the electricity network.
 *
 * @param voltages nominal voltages in volts (OSM's {@code ;}-separated list), empty when unknown
 * @param capacityMw generating capacity of a plant or generator in megawatts, null when unknown
 * @param supplyHours average hours of supply per day where the source has it, else null
 */
public record PowerFeature(
        String id,
        PowerKind kind,
        String name,
        List<Integer> voltages,
        Double capacityMw,
        Double supplyHours,
        Geometry geometry,
        Map<String, Object> attributes)
        implements LayerFeature {

    public PowerFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        voltages = voltages == null ? List.of() : List.copyOf(voltages);
        attributes = Attributes.copy(attributes);
    }

    @Override
    public Layer layer() {
        return Layer.POWER;
    }

    /** The highest nominal voltage in volts, or null when unknown. */
    public Integer maxVoltage() {
        return voltages.stream().max(Integer::compare).orElse(null);
    }

    /** Kinds of power feature, after OSM's {@code power=*}. */
    public enum PowerKind {
        LINE,
        MINOR_LINE,
        CABLE,
        SUBSTATION,
        TRANSFORMER,
        PLANT,
        GENERATOR;

        public boolean isLinear() {
            return this == LINE || this == MINOR_LINE || this == CABLE;
        }
    }
}
