package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.scoring.ScoreOutput;

/** A portfolio as CSV (the picks, the curve) and as the map the HTTP API writes as JSON. */
public final class PortfolioOutput {
    private PortfolioOutput() {}

    /** RFC 4180 CSV of the picks, one row each in the order chosen. */
    public static String picksCsv(Portfolio p) {
        return ScoreOutput.table(List.of("order", "id", "kind", "origin", "cost", "basis", "gain", "cumulative_cost",
                "cumulative_gain", "stability"), picks(p));
    }

    /** RFC 4180 CSV of the cost-effectiveness curve: one row a candidate in the greedy's order. */
    public static String curveCsv(Portfolio p) {
        return ScoreOutput.table(List.of("order", "id", "cumulative_cost", "cumulative_gain"), curve(p));
    }

    private static List<Map<String, Object>> picks(Portfolio p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Portfolio.Pick x : p.picks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", out.size() + 1);
            m.put("id", x.candidate().id());
            m.put("kind", x.candidate().intervention().kind().id());
            m.put("origin", x.candidate().origin());
            m.put("cost", x.candidate().cost());
            m.put("basis", x.candidate().basis());
            m.put("gain", x.gain());
            m.put("cumulative_cost", x.cumulativeCost());
            m.put("cumulative_gain", x.cumulativeGain());
            m.put("stability", x.stability());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> curve(Portfolio p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Portfolio.Step s : p.curve()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", out.size() + 1);
            m.put("id", s.candidate());
            m.put("cumulative_cost", s.cumulativeCost());
            m.put("cumulative_gain", s.cumulativeGain());
            out.add(m);
        }
        return out;
    }

    /** Everything but the joint evaluation's per-cluster detail, whose summary it carries. */
    public static Map<String, Object> json(Portfolio p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objective", p.objective().id());
        out.put("budget", p.budget());
        out.put("currency", p.currency());
        out.put("candidates", p.candidates());
        out.put("method", p.method());
        out.put("cost", p.cost());
        out.put("gain", p.gain());
        out.put("bound", p.bound());
        out.put("optimality_gap", p.optimalityGap());
        out.put("picks", picks(p));
        out.put("curve", curve(p));
        out.put("evaluated", p.evaluated() == null ? null : p.evaluated().summary());
        out.put("evaluated_gain", p.evaluatedGain());
        out.put("warnings", p.warnings());
        return out;
    }
}
