package org.clustergrid.scenario;

import java.util.List;
import java.util.Objects;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.locationtech.jts.geom.Geometry;

/**
 * One intervention of a scenario, as the user gave it. Which fields apply depends on the kind: {@code roadIds},
 * {@code roadClass} and {@code surface} for roads; {@code voltageKv} and {@code supplyHours} for a power line or
 * substation; {@code financeType} for a finance point; {@code marketKind} and {@code population} for a market.
 *
 * @param id unique within the scenario
 * @param geometry in EPSG:4326 (x = longitude); null for {@link InterventionKind#UPGRADE_ROAD}
 * @param roadIds the road segments an upgrade applies to, by their layer id ({@code dataset.id})
 * @param supplyHours hours of supply a day the new line or substation brings (0–24); null when not stated
 * @param cost as entered (in the cost profile's currency); null to price it from the cost profile
 */
public record Intervention(
        String id,
        InterventionKind kind,
        String name,
        Geometry geometry,
        List<String> roadIds,
        String roadClass,
        String surface,
        Integer voltageKv,
        FinanceType financeType,
        MarketKind marketKind,
        Long population,
        Double supplyHours,
        Double cost) {

    public Intervention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        roadIds = roadIds == null ? List.of() : List.copyOf(roadIds);
    }

    /** An intervention that states no hours of supply. */
    public Intervention(String id, InterventionKind kind, String name, Geometry geometry, List<String> roadIds,
            String roadClass, String surface, Integer voltageKv, FinanceType financeType, MarketKind marketKind,
            Long population, Double cost) {
        this(id, kind, name, geometry, roadIds, roadClass, surface, voltageKv, financeType, marketKind, population,
                null, cost);
    }
}
