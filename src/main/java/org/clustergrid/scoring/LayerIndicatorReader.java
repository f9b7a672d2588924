package org.clustergrid.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.layers.LayerName;
import org.clustergrid.layers.measure.Measure;
import org.clustergrid.layers.measure.MeasureKind;

/**
 * Reads a profile's {@code layer_indicators}: each entry's kind, layer, filter, attribute, radius or minutes, its dimension,
 * curve, weight and source. The {@code raster_} kinds name a raster layer and take neither filter nor attribute. What the YAML alone can tell is checked here, each problem naming the entry and field;
 * whether the layer exists and has the attribute is the data's business, answered per run (a profile is read before
 * any import, and must outlive a layer deleted and imported again).
 */
final class LayerIndicatorReader {
    /** Most layer indicators one profile declares: each may read a layer of up to 250,000 features a run. */
    static final int MAX_INDICATORS = 20;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> FIELDS = Set.of("kind", "layer", "filter", "attribute", "radius_m", "minutes", "dimension",
            "title", "unit", "weight", "curve", "source");

    private final List<String> problems;
    private final BiFunction<JsonNode, String, ScoreCurve> curves;

    /** Problems go to {@code problems}; curves are read as the built-in indicators' are. */
    LayerIndicatorReader(List<String> problems, BiFunction<JsonNode, String, ScoreCurve> curves) {
        this.problems = problems;
        this.curves = curves;
    }

    /** The section's indicators in the profile's order; an empty list when there is no section. */
    List<LayerIndicator> read(JsonNode section) {
        List<LayerIndicator> out = new ArrayList<>();
        if (section.isMissingNode() || section.isNull()) {
            return out;
        }
        if (!section.isObject()) {
            problems.add("layer_indicators must be a mapping of indicator id to its entry");
            return out;
        }
        if (section.size() > MAX_INDICATORS) {
            problems.add("layer_indicators has " + section.size() + " entries, more than the " + MAX_INDICATORS
                    + " a profile may declare");
            return out;
        }
        Set<String> taken = new java.util.HashSet<>(ScoreOutput.summaryColumns());
        for (Iterator<String> it = section.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            String path = "layer_indicators." + id;
            if (!ID.matcher(id).matches()) {
                problems.add(path + ": an id is a lower-case letter followed by lower-case letters, digits or"
                        + " underscores");
                continue;
            }
            if (Indicator.byId(id).isPresent() || Arrays.stream(new String[] {id, id + "_score", id + "_missing",
                    id + "_evidence"}).anyMatch(taken::contains)) {
                problems.add(path + ": the id '" + id + "' is taken by a built-in indicator or score column");
                continue;
            }
            LayerIndicator l = entry(id, path, section.get(id));
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private LayerIndicator entry(String id, String path, JsonNode n) {
        if (!n.isObject()) {
            problems.add(path + " must be a mapping (kind, layer, dimension, weight, curve, …)");
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                problems.add(path + "." + f + " is not a field of a layer indicator (" + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        }
        MeasureKind kind = null;
        String kindText = text(n, path, "kind", true);
        if (kindText != null) {
            kind = MeasureKind.byId(kindText).orElse(null);
            if (kind == null) {
                problems.add(path + ".kind is '" + kindText + "'; it is one of " + String.join(", ",
                        Arrays.stream(MeasureKind.values()).map(MeasureKind::id).toList()));
            }
        }
        String layer = text(n, path, "layer", true);
        if (layer != null) {
            try {
                LayerName.check(layer);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".layer: " + e.getMessage());
            }
        }
        String filterText = text(n, path, "filter", false);
        Condition filter = null;
        if (filterText != null) {
            try {
                filter = Cql2Text.parse(filterText);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".filter: " + e.getMessage());
            }
        }
        if (filterText != null && kind != null && kind.raster()) {
            problems.add(path + ".filter does not apply to " + kind.id() + ": a raster's cells have no attributes");
        }
        String attribute = text(n, path, "attribute", false);
        Double radius = n.has("radius_m") ? number(n.get("radius_m"), path + ".radius_m") : null;
        Double minutes = n.has("minutes") ? number(n.get("minutes"), path + ".minutes") : null;
        if (kind != null) {
            need(kind.needsAttribute(), attribute != null, path, "attribute", kind);
            need(kind.needsRadius(), n.has("radius_m"), path, "radius_m", kind);
            need(kind.needsMinutes(), n.has("minutes"), path, "minutes", kind);
        }
        if (minutes != null && !(minutes > 0 && Double.isFinite(minutes))) {
            problems.add(path + ".minutes must be a travel time in minutes above 0, not " + minutes);
        }
        if (radius != null && !(radius >= 0)) {
            problems.add(path + ".radius_m must be a distance in metres, not " + radius);
        }
        Dimension dimension = dimension(n, path);
        Double weight = number(n.path("weight"), path + ".weight");
        if (weight != null && !(weight >= 0)) {
            problems.add(path + ".weight must be a non-negative number");
        }
        ScoreCurve curve = curves.apply(n.path("curve"), path + ".curve");
        if (problems.size() > before || kind == null || curve == null) {
            return null;
        }
        Measure m = new Measure(kind, layer, filterText, filter, attribute, radius, minutes);
        String title = text(n, path, "title", false);
        String unit = text(n, path, "unit", false);
        return new LayerIndicator(id, title != null ? title : defaultTitle(m), unit != null ? unit : defaultUnit(m),
                dimension, curve, weight, text(n, path, "source", false), m);
    }

    private void need(boolean needed, boolean given, String path, String field, MeasureKind kind) {
        if (needed && !given) {
            problems.add(path + "." + field + " is missing: " + kind.id() + " needs it");
        } else if (!needed && given) {
            problems.add(path + "." + field + " does not apply to " + kind.id());
        }
    }

    private Dimension dimension(JsonNode n, String path) {
        String d = text(n, path, "dimension", true);
        if (d == null) {
            return null;
        }
        for (Dimension x : Dimension.values()) {
            if (x.id().equals(d)) {
                return x;
            }
        }
        problems.add(path + ".dimension is '" + d + "'; it is one of " + String.join(", ",
                Arrays.stream(Dimension.values()).map(Dimension::id).toList()));
        return null;
    }

    private String text(JsonNode n, String path, String field, boolean required) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                problems.add(path + "." + field + " is missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(path + "." + field + " must be text");
            return null;
        }
        return v.asText();
    }

    private Double number(JsonNode v, String path) {
        if (!v.isNumber()) {
            problems.add(path + " is missing or not a number");
            return null;
        }
        return v.asDouble();
    }

    private static String defaultTitle(Measure m) {
        String where = m.filterText() == null ? "" : " where " + m.filterText();
        return switch (m.kind()) {
            case NEAREST -> "Distance to the nearest feature of " + m.layer() + where;
            case COUNT_WITHIN -> "Features of " + m.layer() + where + " within " + metres(m.radiusM());
            case SUM_WITHIN -> "Sum of " + m.attribute() + " over the features of " + m.layer() + where + " within "
                    + metres(m.radiusM());
            case CONTAINING_VALUE -> m.attribute() + " of the polygon of " + m.layer() + where
                    + " containing the cluster";
            case RASTER_VALUE -> "Value of " + m.layer() + " at the cluster";
            case RASTER_SUM_WITHIN -> "Sum of " + m.layer() + " within " + metres(m.radiusM());
            case RASTER_MEAN_WITHIN -> "Mean of " + m.layer() + " within " + metres(m.radiusM());
            case COUNT_REACHABLE -> "Features of " + m.layer() + where + " within " + minutes(m.minutes())
                    + " over the roads";
            case SUM_REACHABLE -> "Sum of " + m.attribute() + " over the features of " + m.layer() + where + " within "
                    + minutes(m.minutes()) + " over the roads";
            case RASTER_SUM_REACHABLE -> "Sum of " + m.layer() + " within " + minutes(m.minutes()) + " over the roads";
        };
    }

    private static String defaultUnit(Measure m) {
        return switch (m.kind()) {
            case NEAREST -> "m";
            case COUNT_WITHIN, COUNT_REACHABLE -> "count";
            case SUM_WITHIN, CONTAINING_VALUE, SUM_REACHABLE -> m.attribute();
            case RASTER_VALUE, RASTER_SUM_WITHIN, RASTER_MEAN_WITHIN, RASTER_SUM_REACHABLE -> m.layer();
        };
    }

    private static String minutes(double m) {
        return (m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f", m) : Double.toString(m)) + " minutes";
    }

    private static String metres(double m) {
        return String.format(Locale.ROOT, "%,.0f m", m);
    }
}
