package org.clustergrid.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every indicator ClusterGrid computes, with its dimension and unit. */
public enum Indicator {
    ROAD_ALL_SEASON_DISTANCE(Dimension.ROADS, "m", "Distance to the nearest all-season road"),
    ROAD_MOTORABLE_DISTANCE(Dimension.ROADS, "m", "Distance to the nearest motorable road"),
    ROAD_DENSITY(Dimension.ROADS, "km/km²", "Road length density within the density radius"),
    RURAL_ACCESS(Dimension.ROADS, "share", "Share of the footprint within the RAI distance of an all-season road"),
    POWER_HV_DISTANCE(Dimension.POWER, "m", "Distance to the nearest high-voltage line"),
    POWER_MV_DISTANCE(Dimension.POWER, "m", "Distance to the nearest distribution (medium-voltage) line"),
    POWER_SUBSTATION_DISTANCE(Dimension.POWER, "m", "Distance to the nearest substation or transformer"),
    GRID_SERVED(Dimension.POWER, "flag", "Within the grid-served thresholds (1) or not (0)"),
    SUPPLY_HOURS(Dimension.POWER, "h/day", "Hours of supply per day at the nearest grid feature that reports it"),
    BANK_DISTANCE(Dimension.FINANCE, "m", "Distance to the nearest bank branch"),
    FINANCE_POINTS_NEARBY(Dimension.FINANCE, "count", "Finance access points within the finance radius"),
    FINANCE_POINTS_REACHABLE(Dimension.FINANCE, "count", "Finance access points within the finance travel time"),
    FINANCE_E2SFCA(Dimension.FINANCE, "per 10,000", "E2SFCA access ratio: access points per 10,000 workers"),
    MARKET_LOCAL_TIME(Dimension.MARKETS, "s", "Travel time to the nearest local town"),
    MARKET_REGIONAL_TIME(Dimension.MARKETS, "s", "Travel time to the nearest regional city"),
    MARKET_NATIONAL_TIME(Dimension.MARKETS, "s", "Travel time to the nearest national hub"),
    MARKET_GLOBAL_TIME(Dimension.MARKETS, "s", "Travel time to the nearest global gateway (port or airport)"),
    MARKET_POTENTIAL(Dimension.MARKETS, "people", "Gravity market potential Σ pop·exp(−λ·t)");

    private final Dimension dimension;
    private final String unit;
    private final String title;

    Indicator(Dimension dimension, String unit, String title) {
        this.dimension = dimension;
        this.unit = unit;
        this.title = title;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String unit() {
        return unit;
    }

    public String title() {
        return title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id().equalsIgnoreCase(id)).findFirst();
    }
}
