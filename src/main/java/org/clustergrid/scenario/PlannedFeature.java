package org.clustergrid.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * An intervention as maps and feature services show it: its geometry (an upgrade's: the lines of the road segments it
 * names, as the data hold them now) and its properties, the same set for every kind ({@link #PROPERTIES}, null where a
 * kind has none).
 *
 * @param geometry longitude/latitude; null for an upgrade none of whose roads is in the data any more
 * @param drawnClass the road class a road is drawn with: a new road's, an upgrade's new class or else the class of the
 *     first of its roads; null for the other kinds
 */
public record PlannedFeature(String id, InterventionKind kind, Geometry geometry, String drawnClass,
        Map<String, Object> properties) {
    /** The properties in order: who it is, what it costs and how that was priced, then the kinds' own fields. */
    public static final List<String> PROPERTIES = List.of("id", "kind", "name", "cost", "km", "basis", "roads", "class",
            "surface", "voltage_kv", "supply_hours", "finance_type", "market_kind", "population");

    public PlannedFeature {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @param cost as entered or priced from the cost profile; null when it has neither
     * @param basis how it was priced, or why it could not be
     */
    public static PlannedFeature of(Intervention x, Geometry geometry, String drawnClass, Double cost, Double km,
            String basis) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", x.id());
        p.put("kind", x.kind().id());
        p.put("name", x.name());
        p.put("cost", cost);
        p.put("km", km);
        p.put("basis", basis);
        p.put("roads", x.roadIds().isEmpty() ? null : x.roadIds());
        p.put("class", x.roadClass());
        p.put("surface", x.surface());
        p.put("voltage_kv", x.voltageKv());
        p.put("supply_hours", x.supplyHours());
        p.put("finance_type", x.financeType() == null ? null : x.financeType().name().toLowerCase(Locale.ROOT));
        p.put("market_kind", x.marketKind() == null ? null : x.marketKind().name().toLowerCase(Locale.ROOT));
        p.put("population", x.population());
        return new PlannedFeature(x.id(), x.kind(), geometry, drawnClass, p);
    }

    /** The properties that have a value, in order. */
    public Map<String, Object> setProperties() {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
