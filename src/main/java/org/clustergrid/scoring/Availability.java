package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.coverage.LayerCoverage;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Whether an indicator can be known at a place, before any distance is measured: each indicator needs its layers to
 * hold data and to cover the place (an empty layer, or one whose data lie elsewhere, says nothing there). Travel
 * times and reachable counts also need the road network.
 */
final class Availability {
    private final LayerCoverage coverage;
    private final Map<Layer, Boolean> empty = new EnumMap<>(Layer.class);
    /** Tiers with a market where no road data are: a cluster that cannot reach one may simply lack the roads to it. */
    private final Map<MarketTier, Boolean> beyondRoads = new EnumMap<>(MarketTier.class);

    Availability(ScoringData data, LayerCoverage coverage, Parameters parameters) {
        this.coverage = coverage;
        for (MarketTier tier : MarketTier.values()) {
            beyondRoads.put(tier, false);
        }
        markBeyondRoads(data.markets(), parameters);
        markEmpty(data);
    }

    /** This availability for {@code after}, the same data with {@code addedMarkets} among features added. */
    Availability derive(ScoringData after, List<StoredFeature> addedMarkets, Parameters parameters) {
        Availability out = new Availability(after, coverage, parameters, this);
        out.markBeyondRoads(addedMarkets, parameters);
        return out;
    }

    private Availability(ScoringData data, LayerCoverage coverage, Parameters parameters, Availability base) {
        this.coverage = coverage;
        beyondRoads.putAll(base.beyondRoads);
        markEmpty(data);
    }

    private void markEmpty(ScoringData data) {
        empty.put(Layer.ROADS, data.roads().isEmpty());
        empty.put(Layer.POWER, data.power().isEmpty());
        empty.put(Layer.FINANCE, data.finance().isEmpty());
        empty.put(Layer.MARKETS, data.markets().isEmpty());
    }

    /** Whether anything that decides an indicator's being unknown everywhere differs from {@code other}. */
    boolean differsFrom(Availability other) {
        return !empty.equals(other.empty) || !beyondRoads.equals(other.beyondRoads);
    }

    /** Marks the tiers some of these markets belong to that lie where no road data are. */
    private void markBeyondRoads(List<StoredFeature> markets, Parameters parameters) {
        for (var f : markets) {
            // a market's place is tested only when it would mark a tier not yet marked (most towns belong to no tier)
            EnumSet<MarketTier> tiers = EnumSet.noneOf(MarketTier.class);
            for (MarketTier tier : MarketTier.values()) {
                if (!beyondRoads.get(tier) && tier.includes((Market) f.feature(), parameters)) {
                    tiers.add(tier);
                }
            }
            if (!tiers.isEmpty()
                    && !coverage.covers(Layer.ROADS, Features.representative(f.feature().geometry()).getCoordinate())) {
                tiers.forEach(tier -> beyondRoads.put(tier, true));
            }
        }
    }

    /** The box around the road data's coverage, where travel times are searched from; null when none speaks for it. */
    Envelope roadsArea() {
        org.locationtech.jts.geom.Geometry a = coverage.area(Layer.ROADS);
        return a == null ? null : a.getEnvelopeInternal();
    }

    /** The layers an indicator's value depends on. */
    static List<Layer> layersOf(Indicator i) {
        return switch (i) {
            case ROAD_ALL_SEASON_DISTANCE, ROAD_MOTORABLE_DISTANCE, ROAD_DENSITY, RURAL_ACCESS -> List.of(Layer.ROADS);
            case POWER_HV_DISTANCE, POWER_MV_DISTANCE, POWER_SUBSTATION_DISTANCE, GRID_SERVED, SUPPLY_HOURS ->
                    List.of(Layer.POWER);
            case BANK_DISTANCE, FINANCE_POINTS_NEARBY, FINANCE_E2SFCA -> List.of(Layer.FINANCE);
            case FINANCE_POINTS_REACHABLE -> List.of(Layer.FINANCE, Layer.ROADS);
            case MARKET_LOCAL_TIME, MARKET_REGIONAL_TIME, MARKET_NATIONAL_TIME, MARKET_GLOBAL_TIME, MARKET_POTENTIAL ->
                    List.of(Layer.MARKETS, Layer.ROADS);
        };
    }

    /** The layers whose data cover the place: each layer's coverage tested once, for all the place's indicators. */
    Set<Layer> covering(Coordinate at) {
        Set<Layer> out = EnumSet.noneOf(Layer.class);
        for (Layer l : empty.keySet()) {
            if (coverage.covers(l, at)) {
                out.add(l);
            }
        }
        return out;
    }

    /** Why the indicator cannot be known at the place, or null when its layers hold data there. */
    Missing check(Indicator i, Coordinate at) {
        return check(i, covering(at));
    }

    /** As {@link #check(Indicator, Coordinate)}, given the layers covering the place ({@link #covering}). */
    Missing check(Indicator i, Set<Layer> covering) {
        for (Layer l : layersOf(i)) {
            if (empty.get(l)) {
                return new Missing(Missing.Reason.EMPTY_LAYER, "no " + l.title().toLowerCase(java.util.Locale.ROOT)
                        + " in the data", l);
            }
        }
        for (Layer l : layersOf(i)) {
            if (!covering.contains(l)) {
                return new Missing(Missing.Reason.OUTSIDE_COVERAGE, "outside the area any " + l.id()
                        + " dataset covers: the nearest " + l.id() + " data lie elsewhere and say nothing here", l);
            }
        }
        return null;
    }

    /**
     * Why "no market of the tier reachable" is not a measurement: some market of the tier lies where no road data
     * are, so the road that might lead there is not in the data. Null when every market of the tier is within the
     * road data and unreachable really means unreachable.
     */
    Missing unreachable(MarketTier tier) {
        return beyondRoads.get(tier) ? new Missing(Missing.Reason.BEYOND_COVERAGE, "no "
                + tier.name().toLowerCase(java.util.Locale.ROOT) + " market is reachable within the road data, and"
                + " some lie beyond them, where no roads are mapped: the travel time is not known", Layer.ROADS) : null;
    }
}
