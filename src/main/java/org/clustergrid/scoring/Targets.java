package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology;
import org.clustergrid.model.Typology.ClusterType;

/**
 * The score each dimension should reach for a cluster, by its typology and the markets it serves: an export cluster
 * needs a global gateway within hours, an artisanal rural cluster an all-season road, a bank and a regional market.
 * A cluster's target per dimension is the highest of its typology's row and the rows of every market it serves.
 *
 * @param byType targets per cluster type; {@code unknownType} when the typology is not known
 * @param byMarket targets per market scope; a scope may leave dimensions out (no requirement)
 */
public record Targets(
        Map<ClusterType, Map<Dimension, Double>> byType,
        Map<Dimension, Double> unknownType,
        Map<MarketScope, Map<Dimension, Double>> byMarket) {

    public Targets {
        for (ClusterType t : ClusterType.values()) {
            requireAll("typology '" + t.name().toLowerCase() + "'", byType.get(t));
        }
        requireAll("typology 'unknown'", unknownType);
        byType = Map.copyOf(byType);
        unknownType = Map.copyOf(unknownType);
        byMarket = Map.copyOf(byMarket);
    }

    private static void requireAll(String what, Map<Dimension, Double> row) {
        if (row == null) {
            throw new IllegalArgumentException("targets for " + what + " are missing");
        }
        for (Dimension d : Dimension.values()) {
            Double v = row.get(d);
            if (v == null || !(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("target of " + what + " for '" + d.id() + "' must be 0–100, not " + v);
            }
        }
    }

    public Map<Dimension, Double> targetFor(Typology typology, Set<MarketScope> markets) {
        Map<Dimension, Double> row = typology.type() == null ? unknownType : byType.get(typology.type());
        EnumMap<Dimension, Double> out = new EnumMap<>(row);
        for (MarketScope m : markets) {
            byMarket.getOrDefault(m, Map.of()).forEach((d, v) -> out.merge(d, v, Math::max));
        }
        return out;
    }
}
