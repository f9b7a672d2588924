package org.clustergrid.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology.ClusterType;

/**
 * Reads a scoring profile from YAML (see {@code gis-data/profiles/default.yaml}). Every problem names the profile
 * and the path of the entry, e.g. {@code default.yaml: indicators.bank_distance.curve is missing}.
 */
public final class ProfileReader {
    private final String name;
    private final List<String> problems = new ArrayList<>();

    private ProfileReader(String name) {
        this.name = name;
    }

    /** A profile that cannot be used. */
    public static final class InvalidProfileException extends IllegalArgumentException {
        public InvalidProfileException(String message) {
            super(message);
        }
    }

    /** A profile a client sent, refused naming each value beyond {@code limits}. */
    public static ScoringProfile read(String name, InputStream in, ProfileLimits limits) throws IOException {
        ScoringProfile p = read(name, in);
        List<String> over = limits.problems(p);
        if (!over.isEmpty()) {
            throw new InvalidProfileException(name + ": " + String.join("; ", over));
        }
        return p;
    }

    public static ScoringProfile read(String name, InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
        } catch (IOException e) {
            throw new InvalidProfileException(name + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidProfileException(name + ": empty or not a mapping");
        }
        return new ProfileReader(name).parse(root, sha256(bytes));
    }

    private ScoringProfile parse(JsonNode root, String hash) {
        Map<Indicator, ScoringProfile.IndicatorSpec> indicators = indicators(root.path("indicators"));
        List<LayerIndicator> layerIndicators = new LayerIndicatorReader(problems, this::curve)
                .read(root.path("layer_indicators"));
        Map<Dimension, Double> dims = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            dims.put(d, number(root.path("dimensions").path(d.id()), "dimensions." + d.id() + ".weight", "weight"));
        }
        JsonNode p = root.path("parameters");
        Parameters parameters = null;
        Targets targets = null;
        Weights weights = null;
        Completeness completeness = null;
        try {
            parameters = new Parameters(param(p, "road_density_radius_m"), param(p, "rural_access_distance_m"),
                    param(p, "hv_min_voltage_v"), param(p, "grid_served_transformer_m"), param(p, "grid_served_mv_m"),
                    param(p, "grid_served_hv_m"), param(p, "finance_radius_m"), param(p, "finance_travel_s"),
                    param(p, "e2sfca_catchment_m"), param(p, "local_town_population"),
                    param(p, "regional_city_population"), param(p, "national_hub_population"),
                    param(p, "gravity_half_life_s"), param(p, "gravity_cutoff_s"), param(p, "stability_perturbation"),
                    (int) param(p, "stability_draws"), (int) param(p, "stability_band"),
                    param(p, "max_off_road_m"));
            targets = targets(root.path("targets"));
            weights = new Weights(dims);
            completeness = completeness(root.path("completeness"));
        } catch (IllegalArgumentException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(name + ": " + String.join("; ", problems));
        }
        String profileName = root.path("name").asText(name);
        return new ScoringProfile(profileName, hash, indicators, weights, parameters, targets, completeness,
                layerIndicators);
    }

    /** The {@code completeness} section; the defaults when a profile has none (profiles written before it existed). */
    private Completeness completeness(JsonNode node) {
        if (node.isMissingNode()) {
            return Completeness.DEFAULT;
        }
        return new Completeness(number(node.path("min_dimension"), "completeness.min_dimension.value", "value"),
                number(node.path("min_composite"), "completeness.min_composite.value", "value"));
    }

    private Map<Indicator, ScoringProfile.IndicatorSpec> indicators(JsonNode node) {
        Map<Indicator, ScoringProfile.IndicatorSpec> out = new EnumMap<>(Indicator.class);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (Indicator.byId(id).isEmpty()) {
                problems.add("indicators." + id + " is not an indicator ClusterGrid knows");
            }
        }
        for (Indicator i : Indicator.values()) {
            String path = "indicators." + i.id();
            JsonNode n = node.path(i.id());
            if (n.isMissingNode()) {
                problems.add(path + " is missing");
                continue;
            }
            double weight = number(n, path + ".weight", "weight");
            ScoreCurve curve = curve(n.path("curve"), path + ".curve");
            if (curve != null && !Double.isNaN(weight)) {
                try {
                    out.put(i, new ScoringProfile.IndicatorSpec(curve, weight));
                } catch (IllegalArgumentException e) {
                    problems.add(path + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private ScoreCurve curve(JsonNode n, String path) {
        if (!n.isArray()) {
            problems.add(path + " is missing (a list of [value, score] points)");
            return null;
        }
        List<Double> values = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (JsonNode point : n) {
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                problems.add(path + ": every point must be [value, score], not " + point);
                return null;
            }
            values.add(point.get(0).asDouble());
            scores.add(point.get(1).asDouble());
        }
        try {
            return new ScoreCurve(values, scores);
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return null;
        }
    }

    private Targets targets(JsonNode n) {
        Map<ClusterType, Map<Dimension, Double>> byType = new EnumMap<>(ClusterType.class);
        for (ClusterType t : ClusterType.values()) {
            String key = t.name().toLowerCase(Locale.ROOT);
            byType.put(t, row(n.path("typology").path(key), "targets.typology." + key, true));
        }
        Map<Dimension, Double> unknown = row(n.path("typology").path("unknown"), "targets.typology.unknown", true);
        Map<MarketScope, Map<Dimension, Double>> byMarket = new EnumMap<>(MarketScope.class);
        for (MarketScope m : MarketScope.values()) {
            String key = m.name().toLowerCase(Locale.ROOT);
            byMarket.put(m, row(n.path("markets_served").path(key), "targets.markets_served." + key, false));
        }
        return new Targets(byType, unknown, byMarket);
    }

    private Map<Dimension, Double> row(JsonNode n, String path, boolean complete) {
        Map<Dimension, Double> row = new EnumMap<>(Dimension.class);
        if (n.isMissingNode()) {
            problems.add(path + " is missing");
            return row;
        }
        for (Dimension d : Dimension.values()) {
            JsonNode v = n.path(d.id());
            if (v.isNumber()) {
                row.put(d, v.asDouble());
            } else if (complete || !v.isMissingNode()) {
                problems.add(path + "." + d.id() + " must be a number 0–100");
            }
        }
        return row;
    }

    private double param(JsonNode parameters, String key) {
        return number(parameters.path(key), "parameters." + key + ".value", "value");
    }

    /** A number given as {@code key: n} or {@code key: {value|weight: n, source: ...}}. */
    private double number(JsonNode n, String path, String field) {
        JsonNode v = n.isObject() ? n.path(field) : n;
        if (!v.isNumber()) {
            problems.add(path + " is missing or not a number");
            return Double.NaN;
        }
        return v.asDouble();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
