package org.clustergrid.scoring;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts a cluster's scoring is measured in, each by its own queries: a change to the data moves only some of
 * them, so a derived engine measures again only those ({@link AffectedClusters}) and keeps the rest. Held as bits
 * of an int per cluster.
 */
enum Measures {
    /** Nearest all-season road and rural access: queries of the all-season roads' index. */
    ALL_SEASON_ROADS(EnumSet.of(Indicator.ROAD_ALL_SEASON_DISTANCE, Indicator.RURAL_ACCESS)),
    /** Nearest motorable road and road density: queries of the motorable roads' index (paving leaves them). */
    MOTORABLE_ROADS(EnumSet.of(Indicator.ROAD_MOTORABLE_DISTANCE, Indicator.ROAD_DENSITY)),
    /** Nearest lines and substations, grid served, hours of supply: power index queries. */
    POWER(EnumSet.of(Indicator.POWER_HV_DISTANCE, Indicator.POWER_MV_DISTANCE, Indicator.POWER_SUBSTATION_DISTANCE,
            Indicator.GRID_SERVED, Indicator.SUPPLY_HOURS)),
    /** Nearest bank, finance points within the radius, E2SFCA: finance index queries. */
    FINANCE_NEAR(EnumSet.of(Indicator.BANK_DISTANCE, Indicator.FINANCE_POINTS_NEARBY, Indicator.FINANCE_E2SFCA)),
    /** Finance points within the finance travel time: a network search. */
    FINANCE_REACH(EnumSet.of(Indicator.FINANCE_POINTS_REACHABLE)),
    /** Travel time to each market tier: lookups in the tiers' searches. */
    TIERS(EnumSet.of(Indicator.MARKET_LOCAL_TIME, Indicator.MARKET_REGIONAL_TIME, Indicator.MARKET_NATIONAL_TIME,
            Indicator.MARKET_GLOBAL_TIME)),
    /** The gravity market potential: a network search out to the gravity cutoff. */
    POTENTIAL(EnumSet.of(Indicator.MARKET_POTENTIAL)),
    /** The profile's layer indicators (their {@code _reachable} counts search the network). */
    LAYERS(EnumSet.noneOf(Indicator.class)),
    /** The data's quality flags about the place: the road fragment and the road data check. */
    FLAGS(EnumSet.noneOf(Indicator.class));

    /** Every part: a cluster measured whole. */
    static final int ALL = (1 << values().length) - 1;

    private final Set<Indicator> indicators;

    Measures(Set<Indicator> indicators) {
        this.indicators = indicators;
    }

    int bit() {
        return 1 << ordinal();
    }

    boolean in(int parts) {
        return (parts & bit()) != 0;
    }

    /** The part an indicator is measured in. */
    static Measures of(Indicator i) {
        for (Measures m : values()) {
            if (m.indicators.contains(i)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no part measures " + i);
    }

    static int bits(Measures... parts) {
        int out = 0;
        for (Measures m : parts) {
            out |= m.bit();
        }
        return out;
    }
}
