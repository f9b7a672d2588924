package org.clustergrid.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * The committed demo region must be exactly what {@link DemoRegionGenerator} makes, and it must be plausible:
 * canonical properties, valid geometries inside the region, a connected road network, every kind represented.
 *
 * <p>Run with {@code -Dclustergrid.demo.regenerate=true} to rewrite {@code gis-data/demo/} after changing the
 * generator.
 */
class DemoRegionGeneratorTest {
    /** Optional cluster fields, given for a few clusters only. */
    private static final List<String> IDENTIFICATION = List.of("status", "emergence_year", "product_markets",
            "informal_share", "associations", "support_institutions", "contact_organisation", "contact_email",
            "contact_url");
    private static final Path COMMITTED = Path.of("gis-data", "demo");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();
    private static Map<String, String> generated;

    @BeforeAll
    static void generate() throws IOException {
        if (Boolean.getBoolean("clustergrid.demo.regenerate")) {
            DemoRegionGenerator.write(COMMITTED);
        }
        generated = DemoRegionGenerator.generate();
    }

    @Test
    void committedFilesAreByteIdenticalToAFreshRun(@TempDir Path tmp) throws IOException {
        DemoRegionGenerator.write(tmp);
        for (String file : DemoRegionGenerator.FILES) {
            Path committed = COMMITTED.resolve(file);
            assertThat(committed).as("committed %s (regenerate with -Dclustergrid.demo.regenerate=true)", file)
                    .exists();
            assertThat(Files.readAllBytes(tmp.resolve(file)))
                    .as("%s differs from a fresh DemoRegionGenerator run", file)
                    .isEqualTo(Files.readAllBytes(committed));
        }
    }

    @Test
    void generationIsDeterministic() {
        assertThat(DemoRegionGenerator.generate()).isEqualTo(generated);
    }

    @Test
    void datasetDescriptorSaysSynthetic() throws IOException {
        JsonNode d = JSON.readTree(generated.get("dataset.json"));
        assertThat(d.get("id").asText()).isEqualTo("demo");
        assertThat(d.get("synthetic").asBoolean()).isTrue();
        assertThat(d.get("licence").asText()).isEqualTo("CC0 1.0");
        assertThat(d.get("attribution").asText()).contains("Synthetic");
    }

    @Test
    void clusters() throws IOException {
        List<JsonNode> fs = features("clusters.geojson", "source_id", "name", "sector", "products", "typology",
                "setting", "firms", "employment", "markets_served", "source");
        assertThat(fs).hasSizeBetween(10, 14);
        assertThat(values(fs, "typology")).containsExactlyInAnyOrder("high_tech_knowledge", "dynamic_export",
                "low_tech_domestic", "artisanal_craft", "service_based");
        assertThat(values(fs, "setting")).containsExactlyInAnyOrder("rural", "urban");
        long polygons = fs.stream().filter(f -> type(f).equals("Polygon")).count();
        assertThat(polygons).isBetween(3L, 4L);
        Set<String> scopes = new HashSet<>();
        for (JsonNode f : fs) {
            JsonNode p = f.get("properties");
            assertThat(p.get("firms").isInt()).isTrue();
            assertThat(p.get("employment").isInt()).isTrue();
            assertThat(p.get("source").asText()).isEqualTo(DemoRegionGenerator.SOURCE);
            for (String s : p.get("markets_served").asText().split(";")) {
                scopes.add(s);
            }
        }
        assertThat(scopes).containsExactlyInAnyOrder("local", "regional", "national", "global");
        assertThat(values(fs, "source_id")).hasSize(fs.size());
        // a few clusters show the Identification grid, one of them all of it; the others leave it unknown
        List<JsonNode> identified = fs.stream().filter(f -> f.get("properties").has("status")).toList();
        assertThat(identified).hasSize(3);
        assertThat(identified.stream().filter(f -> IDENTIFICATION.stream().allMatch(f.get("properties")::has)))
                .hasSize(1);
        assertThat(values(identified, "status")).containsExactlyInAnyOrder("growing", "declining", "mature");
    }

    @Test
    void roadsFollowTheDerivationRulesAndFormOneNetwork() throws IOException {
        List<JsonNode> fs = features("roads.geojson", "id", "class", "surface", "paving", "all_season", "motorable",
                "name", "ref");
        assertThat(fs).hasSizeBetween(150, 300);
        assertThat(values(fs, "class")).contains("trunk", "primary", "secondary", "tertiary", "residential",
                "unclassified", "track", "path", "service");
        Set<String> majors = Set.of("motorway", "trunk", "primary", "secondary");
        Set<String> nonMotor = Set.of("footway", "path", "steps", "pedestrian", "cycleway", "bridleway");
        Map<String, String> parent = new HashMap<>();
        for (JsonNode f : fs) {
            JsonNode p = f.get("properties");
            assertThat(type(f)).isEqualTo("LineString");
            String cls = p.get("class").asText();
            String surface = p.get("surface").isNull() ? null : p.get("surface").asText();
            String paving = p.get("paving").asText();
            String expected = surface == null ? "unknown"
                    : Set.of("asphalt", "paved", "concrete").contains(surface) ? "paved" : "unpaved";
            assertThat(paving).as(p.toString()).isEqualTo(expected);
            boolean allSeason = paving.equals("paved") || (paving.equals("unknown") && majors.contains(cls));
            assertThat(p.get("all_season").asBoolean()).as(p.toString()).isEqualTo(allSeason);
            assertThat(p.get("motorable").asBoolean()).as(p.toString()).isEqualTo(!nonMotor.contains(cls));
            JsonNode c = f.get("geometry").get("coordinates");
            union(parent, key(c.get(0)), key(c.get(c.size() - 1)));
        }
        Set<String> components = new HashSet<>();
        for (String k : new ArrayList<>(parent.keySet())) {
            components.add(find(parent, k));
        }
        assertThat(components).as("connected components of the road network").hasSize(1);
        assertThat(values(fs, "paving")).containsExactlyInAnyOrder("paved", "unpaved", "unknown");
        assertThat(values(fs, "id")).hasSize(fs.size());
    }

    @Test
    void power() throws IOException {
        List<JsonNode> fs = features("power.geojson", "id", "kind", "name", "voltages", "capacity_mw",
                "supply_hours");
        assertThat(values(fs, "kind")).containsExactlyInAnyOrder("line", "minor_line", "cable", "substation",
                "transformer", "plant", "generator");
        assertThat(values(fs, "voltages")).contains("132000", "33000", "11000");
        for (JsonNode f : fs) {
            JsonNode v = f.get("properties").get("voltages");
            if (!v.isNull()) {
                assertThat(v.asText()).matches("\\d+(;\\d+)*");
            }
        }
        assertThat(values(fs, "id")).hasSize(fs.size());
    }

    @Test
    void finance() throws IOException {
        List<JsonNode> fs = features("finance.geojson", "id", "type", "name", "operator");
        assertThat(fs).allMatch(f -> type(f).equals("Point"));
        assertThat(values(fs, "type")).containsExactlyInAnyOrder("bank", "atm", "credit_cooperative",
                "microfinance", "mobile_money_agent", "bureau_de_change", "informal_credit");
        assertThat(values(fs, "id")).hasSize(fs.size());
    }

    @Test
    void markets() throws IOException {
        List<JsonNode> fs = features("markets.geojson", "id", "kind", "name", "population");
        assertThat(fs).allMatch(f -> type(f).equals("Point"));
        assertThat(values(fs, "kind")).containsExactlyInAnyOrder("city", "town", "village", "marketplace", "port",
                "airport");
        for (JsonNode f : fs) {
            JsonNode p = f.get("properties");
            long pop = p.get("population").asLong();
            switch (p.get("kind").asText()) {
                case "city" -> assertThat(pop).isBetween(200_000L, 400_000L);
                case "town" -> assertThat(pop).isBetween(20_000L, 80_000L);
                case "village" -> assertThat(pop).isBetween(500L, 5_000L);
                default -> assertThat(p.get("population").isNull()).isTrue();
            }
        }
    }

    /** Parses a layer, checks the FeatureCollection shape, property names, extent, rounding and validity. */
    private static List<JsonNode> features(String file, String... properties) throws IOException {
        JsonNode fc = JSON.readTree(generated.get(file));
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        List<JsonNode> fs = new ArrayList<>();
        fc.get("features").forEach(fs::add);
        assertThat(fs).isNotEmpty();
        double[] e = DemoRegionGenerator.EXTENT;
        for (JsonNode f : fs) {
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            List<String> names = new ArrayList<>();
            f.get("properties").fieldNames().forEachRemaining(names::add);
            List<String> grid = names.stream().filter(IDENTIFICATION::contains).toList();
            assertThat(grid).as("%s: the Identification grid after the other fields, in order", file)
                    .isEqualTo(IDENTIFICATION.stream().filter(grid::contains).toList());
            names.removeAll(IDENTIFICATION);
            assertThat(names).as(file).containsExactly(properties);
            Geometry g = geometry(f.get("geometry"));
            assertThat(g.isValid()).as("valid geometry in %s: %s", file, f.get("properties")).isTrue();
            for (Coordinate c : g.getCoordinates()) {
                assertThat(c.x).isBetween(e[0], e[2]);
                assertThat(c.y).isBetween(e[1], e[3]);
                assertThat(Math.abs(c.x * 1e6 - Math.rint(c.x * 1e6))).isLessThan(1e-6);
                assertThat(Math.abs(c.y * 1e6 - Math.rint(c.y * 1e6))).isLessThan(1e-6);
            }
            if (g instanceof org.locationtech.jts.geom.Polygon poly) {
                assertThat(Orientation.isCCW(poly.getExteriorRing().getCoordinates()))
                        .as("exterior ring counter-clockwise (RFC 7946)").isTrue();
            }
        }
        return fs;
    }

    private static Geometry geometry(JsonNode g) {
        JsonNode c = g.get("coordinates");
        return switch (g.get("type").asText()) {
            case "Point" -> GF.createPoint(coordinate(c));
            case "LineString" -> GF.createLineString(coordinates(c));
            case "Polygon" -> {
                LinearRing shell = GF.createLinearRing(coordinates(c.get(0)));
                yield GF.createPolygon(shell);
            }
            default -> throw new AssertionError("unexpected geometry " + g.get("type"));
        };
    }

    private static Coordinate[] coordinates(JsonNode c) {
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < c.size(); i++) {
            out[i] = coordinate(c.get(i));
        }
        return out;
    }

    private static Coordinate coordinate(JsonNode c) {
        assertThat(c.size()).isEqualTo(2);
        return new Coordinate(c.get(0).asDouble(), c.get(1).asDouble());
    }

    private static String type(JsonNode f) {
        return f.get("geometry").get("type").asText();
    }

    private static Set<String> values(List<JsonNode> fs, String property) {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : fs) {
            JsonNode v = f.get("properties").get(property);
            if (!v.isNull()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    private static String key(JsonNode c) {
        return c.get(0).asText() + "," + c.get(1).asText();
    }

    private static String find(Map<String, String> parent, String k) {
        parent.putIfAbsent(k, k);
        String root = k;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(k, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.put(find(parent, a), find(parent, b));
    }
}
