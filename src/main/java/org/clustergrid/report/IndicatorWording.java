package org.clustergrid.report;

import java.util.EnumMap;
import java.util.Map;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Indicator;

/**
 * Each indicator in a planner's words — "42.0 km to the nearest bank branch; target ≤ 7.0 km" — and the kind of
 * intervention that closes its gap.
 */
final class IndicatorWording {
    /** What the value is of ("%s" is the value), what is not reached when unreachable, and what closes the gap. */
    private record Words(String statement, String nothing, String intervention) {}

    private static final Map<Indicator, Words> WORDS = new EnumMap<>(Indicator.class);

    static {
        put(Indicator.ROAD_ALL_SEASON_DISTANCE, "%s to the nearest all-season road", "no all-season road",
                "All-season road link, or paving the access road");
        put(Indicator.ROAD_MOTORABLE_DISTANCE, "%s to the nearest motorable road", "no motorable road",
                "Motorable last-mile access road");
        put(Indicator.ROAD_DENSITY, "Road density of %s around the cluster", "no road",
                "Feeder and local roads around the cluster");
        put(Indicator.RURAL_ACCESS, "%s of the footprint near an all-season road", "no all-season road",
                "All-season road within walking distance of the whole footprint (SDG 9.1.1)");
        put(Indicator.POWER_HV_DISTANCE, "%s to the nearest high-voltage line", "no high-voltage line",
                "Sub-transmission (high-voltage) line extension");
        put(Indicator.POWER_MV_DISTANCE, "%s to the nearest distribution (medium-voltage) line",
                "no distribution line", "Medium-voltage (11–33 kV) line extension");
        put(Indicator.POWER_SUBSTATION_DISTANCE, "%s to the nearest substation or transformer",
                "no substation or transformer", "Distribution transformer or substation near the cluster");
        put(Indicator.GRID_SERVED, "Grid-served: %s", "no grid", "Grid connection within the served thresholds");
        put(Indicator.SUPPLY_HOURS, "%s of supply at the nearest grid feature reporting it", "no supply",
                "Supply reliability: feeder, substation capacity or dedicated industrial feeder");
        put(Indicator.BANK_DISTANCE, "%s to the nearest bank branch", "no bank branch",
                "Bank branch or business correspondent nearer the cluster");
        put(Indicator.FINANCE_POINTS_NEARBY, "%s finance access points within the finance radius",
                "no finance access point", "More access points nearby: ATMs, agents, co-operative credit");
        put(Indicator.FINANCE_POINTS_REACHABLE, "%s finance access points within the finance travel time",
                "no finance access point", "Access points within the travel time, or faster roads to them");
        put(Indicator.FINANCE_E2SFCA, "%s (E2SFCA access ratio)", "no finance access point",
                "Branch capacity for the cluster's workforce (branches shared by fewer workers)");
        put(Indicator.MARKET_LOCAL_TIME, "%s to the nearest local town", "no local town",
                "Faster route to the local town: road upgrade along it, or a local market");
        put(Indicator.MARKET_REGIONAL_TIME, "%s to the nearest regional city", "no regional city",
                "Faster route to the regional city: road upgrade along the corridor, freight services");
        put(Indicator.MARKET_NATIONAL_TIME, "%s to the nearest national hub", "no national hub",
                "Faster link to the national hub: corridor upgrade, logistics services");
        put(Indicator.MARKET_GLOBAL_TIME, "%s to the nearest global gateway (port or airport)", "no global gateway",
                "Link to a port or airport: corridor upgrade, dry port or export logistics");
        put(Indicator.MARKET_POTENTIAL, "Market potential of %s within reach", "no market",
                "Better roads to the towns around the cluster (market access)");
    }

    private IndicatorWording() {}

    private static void put(Indicator i, String statement, String nothing, String intervention) {
        WORDS.put(i, new Words(statement, nothing, intervention));
    }

    /** The indicator's value and target in a sentence. */
    static String statement(IndicatorRow r) {
        Words w = Indicator.byId(r.id()).map(WORDS::get).orElse(null);
        String what;
        if (w == null) {
            what = r.title() + ": " + r.valueText();
        } else if (r.unreachable()) {
            what = capitalised(w.nothing()) + " reachable over the road network";
        } else {
            what = capitalised(String.format(java.util.Locale.ROOT, w.statement(), r.valueText()));
        }
        return r.targetValue() == null ? what : what + "; target " + r.targetText();
    }

    /** The kind of intervention that closes the indicator's gap. */
    static String intervention(IndicatorRow r) {
        Words w = Indicator.byId(r.id()).map(WORDS::get).orElse(null);
        if (w != null) {
            return w.intervention();
        }
        return "Intervention on " + Labels.dimension(r.dimension()).toLowerCase(java.util.Locale.ROOT) + " (“"
                + r.title() + "”)";
    }

    static String dimensionIntervention(Dimension d) {
        return switch (d) {
            case ROADS -> "roads";
            case POWER -> "the grid";
            case FINANCE -> "finance access";
            case MARKETS -> "market links";
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
