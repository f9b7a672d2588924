package org.clustergrid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Candidate branches for the demo region's tests: a bank at each of the three clusters of highest priority, read from
 * {@code /api/scores} (a polygon's first vertex standing for it), ids {@code bank-1} to {@code bank-3}, costing
 * 50,000 × rank.
 */
public final class TopClusterBanks {
    private TopClusterBanks() {}

    /** The candidates as a GeoJSON FeatureCollection named {@code name}. */
    public static String geojson(JsonNode scores, String name) {
        List<String> features = new ArrayList<>();
        for (JsonNode f : scores.path("features")) {
            int rank = f.path("properties").path("rank").asInt();
            if (rank >= 1 && rank <= 3) {
                JsonNode g = f.path("geometry");
                JsonNode at = g.path("type").asText().equals("Point") ? g.path("coordinates")
                        : g.path("coordinates").get(0).get(0);
                features.add("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + at
                        + "},\"properties\":{\"id\":\"bank-" + rank + "\",\"kind\":\"finance_point\","
                        + "\"finance_type\":\"bank\",\"cost\":" + (50_000 * rank) + "}}");
            }
        }
        if (features.size() != 3) {
            throw new IllegalStateException("the demo region has " + features.size() + " ranked clusters, not 3");
        }
        return "{\"type\":\"FeatureCollection\",\"name\":\"" + name + "\",\"features\":[" + String.join(",", features)
                + "]}";
    }
}
