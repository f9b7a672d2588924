package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.LayerIndicator;
import org.clustergrid.scoring.ScoreCurve;
import org.clustergrid.scoring.ScoringProfile;

/**
 * The scoring profile of a run as tables: dimension weights, each indicator's weight and curve, the targets by
 * typology and by market served, the parameters and completeness rules — each with the source the profile cites.
 */
final class MethodologySection {
    private MethodologySection() {}

    static void write(Xhtml x, ScoringProfile p, ProfileSources sources) {
        x.element("h3", "Scoring profile “" + p.name() + "”");
        if (sources.problem() != null) {
            x.element("p", "Sources of the profile's numbers are not shown: " + sources.problem() + ".",
                    "class", "note");
        }
        weights(x, p, sources);
        indicators(x, p, sources);
        targets(x, p, sources);
        parameters(x, p, sources);
    }

    private static void weights(Xhtml x, ScoringProfile p, ProfileSources sources) {
        x.open("table", "class", "data methodology").open("thead").open("tr");
        x.element("th", "Dimension").element("th", "Weight", "class", "num").element("th", "Source");
        x.close("tr").close("thead").open("tbody");
        for (Dimension d : Dimension.values()) {
            x.open("tr").element("td", Labels.dimension(d))
                    .element("td", Plain.percent(p.dimensionWeights().of(d)), "class", "num")
                    .element("td", sources.of("dimensions." + d.id()).orElse("—"), "class", "source").close("tr");
        }
        x.close("tbody").close("table");
    }

    private static void indicators(Xhtml x, ScoringProfile p, ProfileSources sources) {
        x.open("table", "class", "data methodology").open("thead").open("tr");
        x.element("th", "Indicator").element("th", "Weight", "class", "num").element("th", "Curve (value → score)")
                .element("th", "Source");
        x.close("tr").close("thead").open("tbody");
        for (Dimension d : Dimension.values()) {
            x.open("tr", "class", "group").element("td", Labels.dimension(d), "colspan", "4").close("tr");
            for (Indicator i : Indicator.values()) {
                if (i.dimension() == d) {
                    ScoringProfile.IndicatorSpec spec = p.indicators().get(i);
                    row(x, i.title(), spec.weight(), curve(spec.curve(), i.unit()),
                            sources.of("indicators." + i.id()).orElse("—"));
                }
            }
            for (LayerIndicator l : p.layerIndicators()) {
                if (l.dimension() == d) {
                    row(x, l.title() + " (layer indicator)", l.weight(), curve(l.curve(), l.unit()),
                            l.source() == null ? "—" : l.source());
                }
            }
        }
        x.close("tbody").close("table");
    }

    private static void row(Xhtml x, String title, double weight, String curve, String source) {
        x.open("tr").element("td", title).element("td", Plain.decimal(weight, 2), "class", "num")
                .element("td", curve, "class", "curve").element("td", source, "class", "source").close("tr");
    }

    /** The curve's points in plain units, e.g. "≤ 500 m → 100 · 2.0 km → 60 · ≥ 10.0 km → 0". */
    static String curve(ScoreCurve c, String unit) {
        List<String> parts = new ArrayList<>();
        int last = c.values().size() - 1;
        for (int k = 0; k <= last; k++) {
            String v = Plain.value(unit, c.values().get(k));
            String bound = unit.equals("flag") ? "" : k == 0 ? "≤ " : k == last ? "≥ " : "";
            parts.add(bound + v + " → " + Plain.decimal(c.scores().get(k), 1));
        }
        return String.join(" · ", parts);
    }

    private static void targets(Xhtml x, ScoringProfile p, ProfileSources sources) {
        x.open("table", "class", "data methodology").open("thead").open("tr");
        x.element("th", "Target score by");
        for (Dimension d : Dimension.values()) {
            x.element("th", Labels.dimension(d), "class", "num");
        }
        x.element("th", "Source").close("tr").close("thead").open("tbody");
        for (ClusterType t : ClusterType.values()) {
            targetRow(x, "typology: " + t.label(), p.targets().byType().get(t),
                    sources.of("targets.typology." + t.name().toLowerCase(Locale.ROOT)).orElse("—"));
        }
        targetRow(x, "typology not known", p.targets().unknownType(), sources.of("targets.typology.unknown").orElse("—"));
        for (MarketScope m : MarketScope.values()) {
            Map<Dimension, Double> row = p.targets().byMarket().get(m);
            if (row != null) {
                targetRow(x, "serving " + Labels.market(m) + " markets (at least)", row,
                        sources.of("targets.markets_served." + Labels.market(m)).orElse("—"));
            }
        }
        x.close("tbody").close("table");
        x.element("p", "A cluster's target per dimension is the highest of its typology's row and the rows of every"
                + " market it serves; its gap is how far its dimension score falls short of the target.", "class",
                "note");
    }

    private static void targetRow(Xhtml x, String label, Map<Dimension, Double> row, String source) {
        x.open("tr").element("td", label);
        for (Dimension d : Dimension.values()) {
            Double v = row.get(d);
            x.element("td", v == null ? "—" : Plain.decimal(v, 1), "class", "num");
        }
        x.element("td", source, "class", "source").close("tr");
    }

    private static void parameters(Xhtml x, ScoringProfile p, ProfileSources sources) {
        x.open("table", "class", "data methodology").open("thead").open("tr");
        x.element("th", "Parameter").element("th", "Value", "class", "num").element("th", "Source");
        x.close("tr").close("thead").open("tbody");
        Map<String, String> values = sources.values("parameters");
        if (values.isEmpty()) {
            // no file at hand: the run's own parameters, by the record's names
            for (var c : p.parameters().getClass().getRecordComponents()) {
                x.open("tr").element("td", c.getName()).element("td", component(p.parameters(), c), "class", "num")
                        .element("td", "—", "class", "source").close("tr");
            }
        } else {
            values.forEach((k, v) -> x.open("tr").element("td", k).element("td", v, "class", "num")
                    .element("td", sources.of("parameters." + k).orElse("—"), "class", "source").close("tr"));
        }
        completeness(x, "min_dimension", p.completeness().minDimension(), sources);
        completeness(x, "min_composite", p.completeness().minComposite(), sources);
        x.close("tbody").close("table");
    }

    private static void completeness(Xhtml x, String key, double v, ProfileSources sources) {
        x.open("tr").element("td", "completeness." + key).element("td", Plain.decimal(v, 2), "class", "num")
                .element("td", sources.of("completeness." + key).orElse("—"), "class", "source").close("tr");
    }

    private static String component(Object record, java.lang.reflect.RecordComponent c) {
        try {
            return String.valueOf(c.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
