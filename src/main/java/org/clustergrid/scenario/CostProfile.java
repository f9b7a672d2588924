package org.clustergrid.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Unit costs that price the interventions a user does not price, each with its source, in one currency: per km of
 * road upgraded or built, per km of power line (MV or HV), per substation, per finance access point by type, per
 * market. See gis-data/costs/ and docs/scenarios.md.
 */
public record CostProfile(String name, String currency, Map<String, Rate> rates) {
    /** Lines at or above this voltage are priced as HV, below as MV; substations alike. */
    public static final int HV_KV = 66;

    /** One unit cost and where it comes from. */
    public record Rate(double value, String unit, String source) {}

    public CostProfile {
        rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }

    /** A profile with no rates: every intervention must carry its own cost. */
    public static CostProfile none(String currency) {
        return new CostProfile("none", currency, Map.of());
    }

    /** The rate an intervention of this kind is priced by. */
    public static String rateKey(Intervention x) {
        return switch (x.kind()) {
            case UPGRADE_ROAD -> "road_upgrade_km";
            case NEW_ROAD -> "new_road_km";
            case NEW_POWER_LINE -> x.voltageKv() >= HV_KV ? "hv_line_km" : "mv_line_km";
            case NEW_SUBSTATION -> x.voltageKv() == null || x.voltageKv() >= HV_KV ? "hv_mv_substation"
                    : "mv_lv_substation";
            case FINANCE_POINT -> "finance_" + x.financeType().name().toLowerCase(Locale.ROOT);
            case MARKET -> "market";
        };
    }

    /** Reads a cost profile; every problem named by its field. */
    public static CostProfile read(String name, InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ScenarioException("cost profile " + name, List.of("not a YAML mapping"));
        }
        String currency = root.path("currency").asText("");
        if (!currency.matches("[A-Z]{3}")) {
            problems.add("currency: '" + currency + "' is not an ISO 4217 code such as USD");
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("rates").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "rates." + e.getKey();
            JsonNode v = e.getValue().path("value");
            String source = e.getValue().path("source").asText("");
            if (!v.isNumber() || !(v.asDouble() >= 0) || !Double.isFinite(v.asDouble())) {
                problems.add(at + ".value: " + v + " is not a cost (a number of 0 or more)");
            } else if (source.isBlank()) {
                problems.add(at + ".source: missing; every unit cost cites where it comes from");
            } else {
                rates.put(e.getKey(), new Rate(v.asDouble(), e.getKey().endsWith("_km") ? "km" : "each", source));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("cost profile " + name + " refused", problems);
        }
        return new CostProfile(name, currency, rates);
    }
}
