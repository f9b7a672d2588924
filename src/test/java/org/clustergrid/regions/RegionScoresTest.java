package org.clustergrid.regions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clustergrid.api.ApiTest;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Real country borders (India, Nepal, Pakistan; OSM-derived, ODbL) as a region layer over a store mixing the demo
 * region with the 13 clusters named in the cluster literature: each region's clusters, employment and scores equal
 * a count made apart from the server, by JTS point-in-polygon over the clusters as the API hands them out and the
 * borders read straight from their file.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + RegionScoresTest.TOKEN)
class RegionScoresTest extends ServerTest {
    static final String TOKEN = "regions-token";
    static final Path BORDERS = Path.of("src/test/resources/boundaries/south-asia-countries.geojson");
    static final GeometryFactory GF = new GeometryFactory();

    @Autowired
    ContextLayerImporter importer;

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void perCountryFiguresEqualAnIndependentPointInPolygonCount() throws Exception {
        Path register = SharedData.require("clusters-literature/clusters_literature_geonames.csv");
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "clusters") + ApiTest.part(boundary, "dataset", null, "lit")
                + ApiTest.part(boundary, "mapping", "m.yaml", Files.readString(Path.of(
                        "gis-data/mappings/clusters-literature.yaml")))
                + ApiTest.part(boundary, "file", "lit.csv", Files.readString(register)) + "--" + boundary + "--\r\n";
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        importer.run(new ContextLayerImporter.Request(List.of(BORDERS), null, "countries", "Countries", null, null,
                null, null, null));

        // apart from the server: the borders from their file, the clusters and scores as the API gives them
        Map<String, Geometry> borders = borders();
        JsonNode scores = JSON.readTree(get("/api/scores?f=geojson").body()).path("features");
        Map<String, List<JsonNode>> byCountry = new HashMap<>();
        int outside = 0;
        for (JsonNode f : scores) {
            Geometry g = geometry(f.path("geometry"));
            Geometry p = g.getDimension() == 0 ? g.getCentroid() : g.getInteriorPoint();
            boolean in = false;
            for (Map.Entry<String, Geometry> b : borders.entrySet()) {
                if (b.getValue().covers(p)) {
                    byCountry.computeIfAbsent(b.getKey(), k -> new ArrayList<>()).add(f);
                    in = true;
                }
            }
            outside += in ? 0 : 1;
        }
        assertThat(byCountry.get("IND")).hasSizeGreaterThan(12); // the demo's 12 and the literature's Indian ones
        assertThat(byCountry.get("PAK")).isNotEmpty(); // Sialkot

        JsonNode regions = JSON.readTree(get("/api/regions/countries").body());
        assertThat(regions.path("nameAttribute").asText()).isEqualTo("A3");
        assertThat(regions.path("clustersOutside").asInt()).isEqualTo(outside).isPositive(); // Sinos Valley, Prato…
        for (JsonNode r : regions.path("regions")) {
            String a3 = r.path("name").asText();
            List<JsonNode> in = byCountry.getOrDefault(a3, List.of());
            System.out.printf("region %s: %d clusters (%d by point-in-polygon), %d scored, composite mean %s%n", a3,
                    r.path("clusters").asInt(), in.size(), r.path("scored").asInt(),
                    r.path("composite").path("mean").asText());
            assertThat(r.path("clusters").asInt()).as(a3).isEqualTo(in.size());
            long scored = in.stream().filter(f -> !f.path("properties").path("composite").isNull()).count();
            assertThat(r.path("scored").asLong()).as(a3).isEqualTo(scored);
            double mean = in.stream().map(f -> f.path("properties").path("composite")).filter(v -> !v.isNull())
                    .mapToDouble(JsonNode::asDouble).average().orElse(Double.NaN);
            if (scored > 0) {
                assertThat(r.path("composite").path("mean").asDouble()).as(a3).isCloseTo(mean,
                        org.assertj.core.data.Offset.offset(0.011)); // the API rounds to 2 decimals
            } else {
                assertThat(r.path("composite").isNull()).as(a3 + ": unknown, not 0").isTrue();
            }
            List<String> ranked = in.stream().filter(f -> !f.path("properties").path("rank").isNull())
                    .sorted(java.util.Comparator.comparingInt(f -> f.path("properties").path("rank").asInt()))
                    .map(f -> f.path("id").asText()).limit(5).toList();
            List<String> top = new ArrayList<>();
            r.path("topPriorities").forEach(t -> top.add(t.path("id").asText()));
            assertThat(top).as(a3).isEqualTo(ranked);
        }
        JsonNode nepal = JSON.readTree(get("/api/regions/countries/2").body()).path("region");
        assertThat(nepal.path("name").asText()).isEqualTo("NPL");
        assertThat(nepal.path("employment").isNull()).as("no cluster there: unknown, not 0").isTrue();

        JsonNode geojson = JSON.readTree(get("/api/regions/countries?f=geojson").body());
        assertThat(geojson.path("features")).hasSize(3);
        JsonNode india = geojson.path("features").get(0).path("properties");
        assertThat(india.path("clusters").asInt()).isEqualTo(byCountry.get("IND").size());
        assertThat(india.has("roads_short_share")).isTrue();

        // other weights: the same sums over that run, as /api/scores gives it with those weights
        JsonNode weighted = JSON.readTree(get("/api/regions/countries?roads=3&power=1&finance=1&markets=1").body());
        assertThat(weighted.path("weights").path("roads").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        double weightedMean = 0;
        int n = 0;
        for (JsonNode f : JSON.readTree(get("/api/scores?f=geojson&roads=3&power=1&finance=1&markets=1").body())
                .path("features")) {
            JsonNode c = f.path("properties").path("composite");
            Geometry g = geometry(f.path("geometry"));
            if (!c.isNull() && borders.get("IND").covers(g.getDimension() == 0 ? g : g.getInteriorPoint())) {
                weightedMean += c.asDouble();
                n++;
            }
        }
        assertThat(weighted.path("regions").get(0).path("composite").path("mean").asDouble())
                .isCloseTo(weightedMean / n, org.assertj.core.data.Offset.offset(0.011))
                .isNotCloseTo(regions.path("regions").get(0).path("composite").path("mean").asDouble(),
                        org.assertj.core.data.Offset.offset(0.01));
        assertThat(get("/api/regions/countries?roads=-1").statusCode()).isEqualTo(400);

        assertThat(get("/api/regions/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/regions/countries?name=nope").statusCode()).isEqualTo(400);
    }

    /** Each country's polygon(s), read with Jackson and built with JTS: not through the product's readers. */
    static Map<String, Geometry> borders() throws Exception {
        Map<String, Geometry> out = new HashMap<>();
        for (JsonNode f : JSON.readTree(Files.readString(BORDERS)).path("features")) {
            out.put(f.path("properties").path("A3").asText(), geometry(f.path("geometry")));
        }
        return out;
    }

    static Geometry geometry(JsonNode g) {
        JsonNode c = g.path("coordinates");
        return switch (g.path("type").asText()) {
            case "Point" -> GF.createPoint(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    parts[i] = polygon(c.get(i));
                }
                yield GF.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException(g.path("type").asText());
        };
    }

    static Polygon polygon(JsonNode rings) {
        LinearRing[] r = new LinearRing[rings.size()];
        for (int i = 0; i < rings.size(); i++) {
            Coordinate[] cs = new Coordinate[rings.get(i).size()];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = new Coordinate(rings.get(i).get(k).get(0).asDouble(), rings.get(i).get(k).get(1).asDouble());
            }
            r[i] = GF.createLinearRing(cs);
        }
        return GF.createPolygon(r[0], java.util.Arrays.copyOfRange(r, 1, r.length));
    }
}
