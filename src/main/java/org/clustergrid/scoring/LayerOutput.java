package org.clustergrid.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.measure.Measure;

/** A layer indicator's result as the breakdown shows it: the built-in indicators' fields, then what it measures. */
final class LayerOutput {
    private LayerOutput() {}

    static Map<String, Object> indicator(LayerResult r) {
        LayerIndicator i = r.indicator();
        Measure m = i.measure();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("title", i.title());
        out.put("unit", i.unit());
        out.put("value", ScoreOutput.round(r.value(), 3));
        out.put("score", ScoreOutput.round(r.score(), 2));
        if (r.evidence() != null) {
            out.put("evidence", ScoreOutput.evidence(r.evidence()));
        }
        if (r.missing() != null) {
            out.put("missing", r.missing().reason().id());
            out.put("reason", r.missing().message());
        }
        if (!r.details().isEmpty()) {
            out.put("details", r.details());
        }
        measure(m, out);
        out.put("weight", i.weight());
        out.put("source", i.source());
        return out;
    }

    static Map<String, Object> describe(LayerIndicator i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("title", i.title());
        out.put("unit", i.unit());
        measure(i.measure(), out);
        out.put("dimension", i.dimension().id());
        out.put("weight", i.weight());
        out.put("curve", java.util.stream.IntStream.range(0, i.curve().values().size())
                .mapToObj(k -> List.of(i.curve().values().get(k), i.curve().scores().get(k))).toList());
        out.put("source", i.source());
        return out;
    }

    private static void measure(Measure m, Map<String, Object> out) {
        out.put("kind", m.kind().id());
        out.put("layer", m.layer());
        if (m.filterText() != null) {
            out.put("filter", m.filterText());
        }
        if (m.attribute() != null) {
            out.put("attribute", m.attribute());
        }
        if (m.radiusM() != null) {
            out.put("radius_m", m.radiusM());
        }
        if (m.minutes() != null) {
            out.put("minutes", m.minutes());
        }
    }
}
