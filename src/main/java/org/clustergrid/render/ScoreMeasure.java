package org.clustergrid.render;

import java.util.Map;

/**
 * The cluster scores a map can be coloured by, named as the WMS styles and the web map's score menu name them.
 * {@code needHigh}: a high value means more need (gaps, priority); the composite is the other way round.
 * {@code fixedBreaks}: 0–100 scores use fixed breaks so colours mean the same in every region and run; priority
 * (gap × size) has no upper bound and uses quintiles of the current clusters.
 */
public enum ScoreMeasure {
    COMPOSITE("composite", "Connectivity score", false, true),
    GAP("gap", "Overall gap", true, true),
    ROADS_GAP("roads_gap", "Roads gap", true, true),
    POWER_GAP("power_gap", "Electricity gap", true, true),
    FINANCE_GAP("finance_gap", "Finance gap", true, true),
    MARKETS_GAP("markets_gap", "Markets gap", true, true),
    PRIORITY("priority", "Priority (gap × size)", true, false);

    private final String id;
    private final String label;
    private final boolean needHigh;
    private final boolean fixedBreaks;

    ScoreMeasure(String id, String label, boolean needHigh, boolean fixedBreaks) {
        this.id = id;
        this.label = label;
        this.needHigh = needHigh;
        this.fixedBreaks = fixedBreaks;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean needHigh() {
        return needHigh;
    }

    public boolean fixedBreaks() {
        return fixedBreaks;
    }

    /**
     * The value in a cluster's flat score summary ({@code ScoreOutput.summary}, keyed by these ids and rounded as the
     * score API serves it, so the map classes exactly the numbers the web map classes); null when it has none.
     */
    public Double value(Map<String, Object> summary) {
        return summary.get(id) instanceof Number n ? n.doubleValue() : null;
    }
}
