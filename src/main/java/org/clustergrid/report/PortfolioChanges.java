package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioEvaluation.ClusterChange;
import org.clustergrid.scenario.ScenarioEvaluation.Side;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.LayerIndicator;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringProfile;

/**
 * Each cluster the picks change, before and after, from the picks evaluated together as one scenario (what the
 * budget holder gets, interactions included): gap, priority, rank, composite and dimension scores, and the indicators
 * that moved. The clusters whose objective measure falls most come first. As a table of the report and as CSV.
 */
final class PortfolioChanges {
    static final List<String> CSV_HEADER = List.of("cluster_id", "name", "size", "gap_before", "gap_after",
            "priority_before", "priority_after", "priority_fall", "rank_before", "rank_after", "composite_before",
            "composite_after", "roads_before", "roads_after", "power_before", "power_after", "finance_before",
            "finance_after", "markets_before", "markets_after", "indicators_changed", "missing");

    private PortfolioChanges() {}

    /**
     * The clusters whose standing the picks change — a gap, priority, composite or dimension score, or one of them
     * becoming known —, largest fall of the objective's measure first; empty without a joint evaluation. A cluster
     * whose indicators move without any score moving (an access ratio shared with a new branch, a score already at
     * 100), or whose rank moves only because others', is not affected.
     */
    static List<ClusterChange> of(Portfolio p) {
        if (p.evaluated() == null) {
            return List.of();
        }
        List<ClusterChange> out = new ArrayList<>(p.evaluated().clusters().stream().filter(PortfolioChanges::affected)
                .toList());
        out.sort(Comparator.comparingDouble((ClusterChange c) -> -fall(c, p.objective())).thenComparing(
                ClusterChange::id));
        return out;
    }

    static boolean affected(ClusterChange c) {
        Side b = c.before();
        Side a = c.after();
        if (moved(b.gap(), a.gap()) || moved(b.priority(), a.priority()) || moved(b.composite(), a.composite())) {
            return true;
        }
        for (Dimension d : Dimension.values()) {
            if (moved(b.dimensions().get(d), a.dimensions().get(d))) {
                return true;
            }
        }
        return false;
    }

    private static boolean moved(Double before, Double after) {
        if (before == null || after == null) {
            return before != after;
        }
        return Math.abs(before - after) > 1e-9;
    }

    /** The fall of the objective's measure; 0 where either side is unknown (such a cluster adds nothing to it). */
    static double fall(ClusterChange c, Objective o) {
        Double before = o == Objective.PRIORITY ? c.before().priority() : c.before().gap();
        Double after = o == Objective.PRIORITY ? c.after().priority() : c.after().gap();
        return before == null || after == null ? 0 : before - after;
    }

    /** Why a cluster's blank cells are blank, in words; null when none is. */
    static String missing(ClusterChange c) {
        List<String> why = new ArrayList<>();
        if (c.size() == null) {
            why.add("size (employment or firms) not known, so no priority");
        }
        if (c.before().gap() == null || c.after().gap() == null) {
            why.add("gap not known " + sides(c.before().gap(), c.after().gap())
                    + ": too little of the evidence known to score it");
        } else if (c.size() != null && (c.before().priority() == null || c.after().priority() == null)) {
            why.add("priority not known " + sides(c.before().priority(), c.after().priority()));
        }
        for (Dimension d : Dimension.values()) {
            if (c.before().dimensions().get(d) == null || c.after().dimensions().get(d) == null) {
                why.add(Labels.dimension(d).toLowerCase(java.util.Locale.ROOT) + " score not known "
                        + sides(c.before().dimensions().get(d), c.after().dimensions().get(d))
                        + ": too little of its evidence known");
            }
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static String sides(Double before, Double after) {
        return before == null && after == null ? "before or after" : before == null ? "before" : "after";
    }

    /**
     * The indicators whose score moved (or that became known or unknown), each "title: before → after" in plain
     * units, unknown with its reason; values that move without moving a score are left out.
     */
    static List<String> indicators(ClusterChange c, ScoringProfile profile) {
        List<String> out = new ArrayList<>();
        for (ScenarioEvaluation.IndicatorChange i : c.indicators()) {
            if (!moved(i.scoreBefore(), i.scoreAfter()) && (i.before() == null) == (i.after() == null)) {
                continue;
            }
            String title = i.id();
            String unit = "";
            var built = Indicator.byId(i.id());
            if (built.isPresent()) {
                title = shortTitle(built.get());
                unit = built.get().unit();
            } else {
                for (LayerIndicator l : profile.layerIndicators()) {
                    if (l.id().equals(i.id())) {
                        title = l.title();
                        unit = l.unit();
                    }
                }
            }
            out.add(title + ": " + value(unit, i.before(), i.missingBefore()) + " → "
                    + value(unit, i.after(), i.missingAfter()));
        }
        return out;
    }

    /** An indicator in a few words, as a table cell can hold many: "nearest bank", "E2SFCA ratio". */
    static String shortTitle(Indicator i) {
        return switch (i) {
            case ROAD_ALL_SEASON_DISTANCE -> "nearest all-season road";
            case ROAD_MOTORABLE_DISTANCE -> "nearest motorable road";
            case ROAD_DENSITY -> "road density";
            case RURAL_ACCESS -> "footprint near an all-season road";
            case POWER_HV_DISTANCE -> "nearest HV line";
            case POWER_MV_DISTANCE -> "nearest MV line";
            case POWER_SUBSTATION_DISTANCE -> "nearest substation";
            case GRID_SERVED -> "grid-served";
            case SUPPLY_HOURS -> "supply";
            case BANK_DISTANCE -> "nearest bank";
            case FINANCE_POINTS_NEARBY -> "finance points within the radius";
            case FINANCE_POINTS_REACHABLE -> "finance points within the travel time";
            case FINANCE_E2SFCA -> "E2SFCA ratio";
            case MARKET_LOCAL_TIME -> "local town";
            case MARKET_REGIONAL_TIME -> "regional city";
            case MARKET_NATIONAL_TIME -> "national hub";
            case MARKET_GLOBAL_TIME -> "global gateway";
            case MARKET_POTENTIAL -> "market potential";
        };
    }

    private static String value(String unit, Double v, String missing) {
        if (v != null) {
            return Plain.value(unit, v);
        }
        return "unknown" + (missing == null ? "" : " (" + missing + ")");
    }

    /** RFC 4180 CSV, one row a changed cluster; blank cells are unknown, the {@code missing} column says why. */
    static String csv(Portfolio p) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClusterChange c : of(p)) {
            Map<String, Object> m = new LinkedHashMap<>();
            Side b = c.before();
            Side a = c.after();
            m.put("cluster_id", c.id());
            m.put("name", c.name());
            m.put("size", c.size());
            m.put("gap_before", b.gap());
            m.put("gap_after", a.gap());
            m.put("priority_before", b.priority());
            m.put("priority_after", a.priority());
            m.put("priority_fall", b.priority() == null || a.priority() == null ? null : b.priority() - a.priority());
            m.put("rank_before", b.rank());
            m.put("rank_after", a.rank());
            m.put("composite_before", b.composite());
            m.put("composite_after", a.composite());
            for (Dimension d : Dimension.values()) {
                m.put(d.id() + "_before", b.dimensions().get(d));
                m.put(d.id() + "_after", a.dimensions().get(d));
            }
            m.put("indicators_changed", String.join(";", c.indicators().stream()
                    .map(ScenarioEvaluation.IndicatorChange::id).toList()));
            m.put("missing", missing(c));
            rows.add(m);
        }
        return ScoreOutput.table(CSV_HEADER, rows);
    }
}
