package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Scores as plain maps and CSV rows, the one shape the API, the command line and reports all write: a flat summary
 * per cluster (for tables, CSV and map layers) and the full breakdown with every indicator and its evidence.
 */
public final class ScoreOutput {
    private ScoreOutput() {}

    /**
     * The flat summary's columns, in order: the ranking, the composite and how much of it is known, each dimension,
     * then every indicator's value, score, why it is missing (empty when measured) and the feature behind it.
     */
    public static List<String> summaryColumns() {
        List<String> cols = new ArrayList<>(List.of("cluster_grid_id", "name", "size", "rank", "stability", "gap_rank",
                "unranked", "priority", "gap", "composite", "known", "flags"));
        for (Dimension d : Dimension.values()) {
            cols.add(d.id());
            cols.add(d.id() + "_known");
            cols.add(d.id() + "_target");
            cols.add(d.id() + "_gap");
        }
        for (Indicator i : Indicator.values()) {
            cols.add(i.id());
            cols.add(i.id() + "_score");
            cols.add(i.id() + "_missing");
            cols.add(i.id() + "_evidence");
        }
        return cols;
    }

    /** The summary's columns with those of a profile's layer indicators after the built-in ones, alike. */
    public static List<String> summaryColumns(List<LayerIndicator> layerIndicators) {
        List<String> cols = summaryColumns();
        for (LayerIndicator l : layerIndicators) {
            cols.addAll(List.of(l.id(), l.id() + "_score", l.id() + "_missing", l.id() + "_evidence"));
        }
        return cols;
    }

    public static Map<String, Object> summary(ScoringRun.Ranked r) {
        ClusterScore s = r.score();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster_grid_id", s.id());
        m.put("name", s.name());
        m.put("size", s.size());
        m.put("rank", r.rank());
        m.put("stability", round(r.stability(), 3));
        m.put("gap_rank", r.gapRank());
        m.put("unranked", r.unranked());
        m.put("priority", round(s.priority(), 1));
        m.put("gap", round(s.gap(), 2));
        m.put("composite", round(s.composite(), 2));
        m.put("known", round(s.known(), 3));
        m.put("flags", s.flags().isEmpty() ? null
                : String.join(";", s.flags().stream().map(QualityFlag::code).distinct().toList()));
        for (Dimension d : Dimension.values()) {
            m.put(d.id(), round(s.dimensions().get(d), 2));
            m.put(d.id() + "_known", round(s.completeness().get(d), 3));
            m.put(d.id() + "_target", s.targets().get(d));
            m.put(d.id() + "_gap", round(s.gaps().get(d), 2));
        }
        for (Indicator i : Indicator.values()) {
            IndicatorResult ir = s.indicators().get(i);
            m.put(i.id(), ir == null ? null : round(ir.value(), 3));
            m.put(i.id() + "_score", ir == null ? null : round(ir.score(), 2));
            m.put(i.id() + "_missing", ir == null || ir.missing() == null ? null : ir.missing().reason().id());
            m.put(i.id() + "_evidence", ir == null || ir.evidence() == null ? null : ir.evidence().featureId());
        }
        for (LayerResult lr : s.layerIndicators()) {
            String id = lr.indicator().id();
            m.put(id, round(lr.value(), 3));
            m.put(id + "_score", round(lr.score(), 2));
            m.put(id + "_missing", lr.missing() == null ? null : lr.missing().reason().id());
            // the evidence of a layer indicator is a feature of a context layer: layer.fid, as dataset.id for the rest
            m.put(id + "_evidence", lr.evidence() == null ? null
                    : lr.evidence().layer() + "." + lr.evidence().featureId());
        }
        return m;
    }

    /** Everything about one score: the summary, then per dimension and per indicator with evidence. */
    public static Map<String, Object> breakdown(ScoringRun.Ranked r) {
        Map<String, Object> m = summary(r);
        ClusterScore s = r.score();
        m.put("quality", s.flags().stream().map(f -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("code", f.code());
            q.put("message", f.message());
            q.put("effect", f.effect());
            return q;
        }).toList());
        Map<String, Object> dims = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("score", round(s.dimensions().get(d), 2));
            dim.put("known", round(s.completeness().get(d), 3));
            dim.put("target", s.targets().get(d));
            dim.put("gap", round(s.gaps().get(d), 2));
            List<Map<String, Object>> inds = new ArrayList<>();
            for (IndicatorResult ir : s.indicators().values()) {
                if (ir.indicator().dimension() == d) {
                    inds.add(indicator(ir));
                }
            }
            for (LayerResult lr : s.layerIndicators()) {
                if (lr.indicator().dimension() == d) {
                    inds.add(LayerOutput.indicator(lr));
                }
            }
            dim.put("indicators", inds);
            dims.put(d.id(), dim);
        }
        m.put("dimensions", dims);
        return m;
    }

    static Map<String, Object> indicator(IndicatorResult ir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ir.indicator().id());
        m.put("title", ir.indicator().title());
        m.put("unit", ir.indicator().unit());
        m.put("value", round(ir.value(), 3));
        m.put("score", round(ir.score(), 2));
        if (ir.evidence() != null) {
            m.put("evidence", evidence(ir.evidence()));
        }
        if (ir.missing() != null) {
            m.put("missing", ir.missing().reason().id());
            m.put("reason", ir.missing().message());
        }
        if (!ir.details().isEmpty()) {
            m.put("details", ir.details());
        }
        return m;
    }

    /** A layer indicator as the profile declares it: what it measures, its dimension, weight, curve and source. */
    public static Map<String, Object> describe(LayerIndicator l) {
        return LayerOutput.describe(l);
    }

    static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("layer", e.layer());
        ev.put("feature", e.featureId());
        ev.put("name", e.name());
        ev.put("metres", round(e.metres(), 1));
        ev.put("seconds", round(e.seconds(), 1));
        ev.put("line", e.from() == null || e.to() == null ? null : List.of(position(e.from()), position(e.to())));
        return ev;
    }

    private static List<Double> position(Coordinate c) {
        return List.of(round(c.x, 7), round(c.y, 7));
    }

    static Double round(Double v, int decimals) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** RFC 4180 CSV of the summaries, with a header row. */
    public static String csv(List<ScoringRun.Ranked> ranked) {
        // every cluster of a run has the same layer indicators, its profile's
        List<LayerIndicator> layers = ranked.isEmpty() ? List.of()
                : ranked.get(0).score().layerIndicators().stream().map(LayerResult::indicator).toList();
        StringBuilder out = new StringBuilder(String.join(",", summaryColumns(layers))).append("\r\n");
        for (ScoringRun.Ranked r : ranked) {
            List<String> cells = new ArrayList<>();
            for (Object v : summary(r).values()) {
                cells.add(cell(v));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 CSV of rows given as column → value, under a header row (written even without rows). */
    public static String table(List<String> header, List<? extends Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, Object> r : rows) {
            List<String> cells = new java.util.ArrayList<>();
            r.values().forEach(v -> cells.add(cell(v)));
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** One RFC 4180 CSV cell: empty for null, quoted when it must be. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? String.format(Locale.ROOT, "%s", d) : v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
