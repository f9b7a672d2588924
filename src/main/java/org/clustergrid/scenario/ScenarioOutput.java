package org.clustergrid.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoreOutput;

/** A scenario's evaluation as rows (one a cluster, before and after side by side) and as CSV. */
public final class ScenarioOutput {
    private ScenarioOutput() {}

    /** One cluster's row: scores, gap, priority and rank before and after, and the indicators that changed. */
    public static Map<String, Object> row(ScenarioEvaluation.ClusterChange c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster_grid_id", c.id());
        out.put("name", c.name());
        out.put("size", c.size());
        out.put("changed", c.changed());
        side(out, "before", c.before());
        side(out, "after", c.after());
        List<String> changes = new ArrayList<>();
        for (ScenarioEvaluation.IndicatorChange i : c.indicators()) {
            changes.add(i.id() + ": " + value(i.before(), i.missingBefore()) + " -> "
                    + value(i.after(), i.missingAfter()));
        }
        out.put("indicators_changed", String.join("; ", changes));
        return out;
    }

    private static void side(Map<String, Object> out, String when, ScenarioEvaluation.Side s) {
        out.put("composite_" + when, round(s.composite()));
        out.put("gap_" + when, round(s.gap()));
        out.put("priority_" + when, round(s.priority()));
        out.put("rank_" + when, s.rank());
        for (Dimension d : Dimension.values()) {
            out.put(d.id() + "_" + when, round(s.dimensions().get(d)));
        }
    }

    private static String value(Double v, String missing) {
        return v != null ? String.format(Locale.ROOT, "%.6g", v) : "unknown (" + missing + ")";
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }

    /** RFC 4180 CSV of every cluster's row, with a header row. */
    public static String csv(ScenarioEvaluation e) {
        List<Map<String, Object>> rows = new ArrayList<>();
        e.clusters().forEach(c -> rows.add(row(c)));
        return rows.isEmpty() ? "" : ScoreOutput.table(List.copyOf(rows.get(0).keySet()), rows);
    }
}
