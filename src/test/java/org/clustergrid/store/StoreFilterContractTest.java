package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Cql2Json;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;

/**
 * CQL2 filters translated to SQL, on H2GIS and PostGIS alike (subclasses). Every expected result is computed here in
 * Java from the features written, so a translation that selects the wrong rows fails.
 */
abstract class StoreFilterContractTest {
    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    static final String[] CLASSES = {"primary", "secondary", "track", "residential", "path"};
    static final String[] SURFACES = {"asphalt", "gravel", null, "dirt"};
    static final String[] NAMES = {"Canal Road", "canal road", "O'Brien Road", "100% Road", "Canal_Street", null,
        "Hill Track", "1000 Road"};

    TestStore testStore;
    SpatialStore store;
    final List<Road> roads = new ArrayList<>();
    final List<Market> markets = new ArrayList<>();

    abstract TestStore openStore();

    @BeforeEach
    void importFeatures() throws Exception {
        testStore = openStore();
        store = testStore.store();
        // 60 roads on a 10 x 6 grid of 0.1° cells near 80°E 20°N, each a short diagonal inside its cell
        for (int i = 0; i < 60; i++) {
            double x = 80 + (i % 10) * 0.1;
            double y = 20 + (i / 10) * 0.1;
            roads.add(new Road(String.format("r%02d", i), CLASSES[i % 5], SURFACES[i % 4],
                    Paving.values()[i % 3], i % 2 == 0, i % 7 != 0, NAMES[i % 8], i % 3 == 0 ? "NH" + i : null,
                    GF.createLineString(new Coordinate[] {new Coordinate(x + 0.02, y + 0.02),
                        new Coordinate(x + 0.08, y + 0.08)}), Map.of()));
        }
        Long[] populations = {500L, 5000L, 50000L, null, 5_000_000_000L};
        double[] lons = {80.05, 80.55, 179.95, -179.95, 0.5};
        for (int i = 0; i < 10; i++) {
            markets.add(new Market("m" + i, MarketKind.values()[i % 3], "Market " + i, populations[i % 5],
                    GF.createPoint(new Coordinate(lons[i % 5], 20.05 + i * 0.01)), Map.of()));
        }
        List<LayerFeature> all = new ArrayList<>(roads);
        all.addAll(markets);
        store.importDataset(new DatasetInfo("town", "Town", "unit test", "CC0", "nobody", false), new ImportReport(),
                w -> {
                    for (LayerFeature f : all) {
                        w.write(f, "test", f.id());
                    }
                });
    }

    @AfterEach
    void close() {
        if (testStore != null) { // null when set-up skipped: no database to open
            testStore.close();
        }
    }

    List<String> ids(Layer layer, Condition filter) {
        FeaturePage page = store.query(layer, new FeatureQuery(null, null, Map.of(), filter, 0, 1000));
        assertThat(page.numberMatched()).isEqualTo(page.features().size());
        return page.features().stream().map(f -> f.feature().id()).toList();
    }

    List<String> roads(String cql2) {
        return ids(Layer.ROADS, Cql2Text.parse(cql2));
    }

    List<String> markets(String cql2) {
        return ids(Layer.MARKETS, Cql2Text.parse(cql2));
    }

    <T extends LayerFeature> List<String> expected(List<T> features, Predicate<T> keep) {
        List<String> ids = features.stream().filter(keep).map(LayerFeature::id).sorted(Comparator.naturalOrder())
                .toList();
        assertThat(ids).as("a test filter should select some but not all features").isNotEmpty()
                .hasSizeLessThan(features.size());
        return ids;
    }

    @Test
    void comparesTextBooleansAndCombinesWithAndOrNot() {
        assertThat(roads("class = 'primary' AND paving = 'unpaved'")).isEqualTo(expected(roads,
                r -> r.roadClass().equals("primary") && r.paving() == Paving.UNPAVED));
        assertThat(roads("class='track' OR all_season = TRUE AND motorable = false")).isEqualTo(expected(roads,
                r -> r.roadClass().equals("track") || (r.allSeason() && !r.motorable())));
        assertThat(roads("NOT (class = 'primary') and class <> 'path'")).isEqualTo(expected(roads,
                r -> !r.roadClass().equals("primary") && !r.roadClass().equals("path")));
        assertThat(roads("name = 'O''Brien Road'")).isEqualTo(expected(roads, r -> "O'Brien Road".equals(r.name())));
        assertThat(roads("class < 'r'")).isEqualTo(expected(roads, r -> r.roadClass().compareTo("r") < 0));
        assertThat(roads("dataset = 'town' AND id IN ('r01', 'r02', 'nope')")).containsExactly("r01", "r02");
    }

    /** Literals at the edges of a double's range compare as numbers; beyond them the parser refuses at once. */
    @Test
    void numericLiteralsAtTheEdgesOfTheRangeQueryAndBeyondAreRefused() {
        List<String> all = markets("population IS NOT NULL");
        assertThat(markets("population BETWEEN 0 AND 1.7976931348623157e308")).isEqualTo(all);
        assertThat(markets("population > -1.7976931348623157e308 AND population > 2.3e-308")).isEqualTo(all);
        assertThat(markets("population > 1e300")).isEmpty();
        assertThat(ids(Layer.MARKETS, Cql2Json.parse(
                "{\"op\": \"<\", \"args\": [{\"property\": \"population\"}, 1e308]}"))).isEqualTo(all);
        for (String hostile : List.of("population BETWEEN 0 AND 1e999999999", "id = 1e10000000",
                "population > 1e-2147483647")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> markets(hostile)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside the range a filter may compare");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        }
        // a long text is compared as given but quoted back as an excerpt
        String longText = "y".repeat(50_000);
        assertThatThrownBy(() -> markets("population = '" + longText + "'"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(400).contains("(50000 characters)"));
    }

    @Test
    void missingValuesFollowSqlNullLogic() {
        assertThat(roads("surface IS NULL")).isEqualTo(expected(roads, r -> r.surface() == null));
        assertThat(roads("surface IS NOT NULL")).isEqualTo(expected(roads, r -> r.surface() != null));
        // a comparison with a missing value is unknown, and so is its negation: neither selects the road
        assertThat(roads("NOT (surface = 'asphalt')")).isEqualTo(expected(roads,
                r -> r.surface() != null && !r.surface().equals("asphalt")));
        assertThat(roads("surface <> 'asphalt' OR surface IS NULL")).isEqualTo(expected(roads,
                r -> !"asphalt".equals(r.surface())));
        assertThat(markets("population < 10000")).isEqualTo(expected(markets,
                m -> m.population() != null && m.population() < 10000));
        assertThat(markets("NOT population < 10000")).isEqualTo(expected(markets,
                m -> m.population() != null && m.population() >= 10000));
    }

    @Test
    void likeMatchesPatternsWithEscapesAndCase() {
        assertThat(roads("name LIKE 'Canal%'")).isEqualTo(expected(roads,
                r -> r.name() != null && r.name().startsWith("Canal")));
        assertThat(roads("name LIKE '_anal%'")).isEqualTo(expected(roads,
                r -> r.name() != null && r.name().matches(".anal.*")));
        assertThat(roads("name LIKE '100\\%%'")).isEqualTo(expected(roads,
                r -> r.name() != null && r.name().startsWith("100%")));
        assertThat(roads("name LIKE 'Canal\\_%'")).isEqualTo(expected(roads,
                r -> r.name() != null && r.name().startsWith("Canal_")));
        assertThat(roads("CASEI(name) LIKE CASEI('CANAL%')")).isEqualTo(expected(roads,
                r -> r.name() != null && r.name().toLowerCase().startsWith("canal")));
        assertThat(roads("CASEI(name) = casei('CANAL ROAD')")).isEqualTo(expected(roads,
                r -> r.name() != null && r.name().equalsIgnoreCase("canal road")));
        assertThat(roads("name NOT LIKE '%Road'")).isEqualTo(expected(roads,
                r -> r.name() != null && !r.name().endsWith("Road")));
    }

    @Test
    void betweenAndInCompareNumbersAndTexts() {
        assertThat(markets("population BETWEEN 500 AND 50000")).isEqualTo(expected(markets,
                m -> m.population() != null && m.population() >= 500 && m.population() <= 50000));
        assertThat(markets("population NOT BETWEEN 1000 AND 1e5")).isEqualTo(expected(markets,
                m -> m.population() != null && (m.population() < 1000 || m.population() > 100000)));
        // beyond 2^31, and compared exactly as an integer
        assertThat(markets("population = 5000000000")).isEqualTo(expected(markets,
                m -> Objects.equals(m.population(), 5_000_000_000L)));
        assertThat(markets("population > 4999.5")).isEqualTo(expected(markets,
                m -> m.population() != null && m.population() > 4999.5));
        assertThat(roads("class IN ('primary', 'track')")).isEqualTo(expected(roads,
                r -> r.roadClass().equals("primary") || r.roadClass().equals("track")));
        assertThat(roads("class NOT IN ('primary', 'track') AND surface IN ('gravel')")).isEqualTo(expected(roads,
                r -> !r.roadClass().equals("primary") && !r.roadClass().equals("track")
                        && "gravel".equals(r.surface())));
    }

    @Test
    void spatialIntersectsEqualsTheBboxParameterAndExactGeometryTests() throws Exception {
        Envelope box = new Envelope(80.15, 80.45, 20.05, 20.25);
        FeaturePage byBbox = store.query(Layer.ROADS, new FeatureQuery(box, 0, 1000));
        List<String> bboxIds = byBbox.features().stream().map(f -> f.feature().id()).toList();
        assertThat(bboxIds).isEqualTo(expected(roads, r -> r.geometry().intersects(GF.toGeometry(box))));
        assertThat(roads("S_INTERSECTS(geometry, BBOX(80.15, 20.05, 80.45, 20.25))")).isEqualTo(bboxIds);
        assertThat(roads("S_INTERSECTS(POLYGON((80.15 20.05, 80.45 20.05, 80.45 20.25, 80.15 20.25, 80.15 20.05)),"
                + " geometry)")).isEqualTo(bboxIds);

        // a line crossing the grid diagonally meets roads whose boxes it only grazes: the test is exact
        String wkt = "LINESTRING(80.0 20.0, 80.6 20.6)";
        Geometry line = new WKTReader(GF).read(wkt);
        assertThat(roads("S_INTERSECTS(geometry, " + wkt + ") AND class <> 'path'")).isEqualTo(expected(roads,
                r -> r.geometry().intersects(line) && !r.roadClass().equals("path")));
        String cross = "LINESTRING(80.0 20.13, 80.6 20.13)";
        Geometry crossLine = new WKTReader(GF).read(cross);
        assertThat(roads("S_INTERSECTS(geometry, " + cross + ")")).isEqualTo(expected(roads,
                r -> r.geometry().intersects(crossLine)));
        // a road's own vertex, written as Java prints it (which reads back to the same double)
        Coordinate start = roads.get(1).geometry().getCoordinates()[0];
        Coordinate end = roads.get(55).geometry().getCoordinates()[1];
        assertThat(roads("S_INTERSECTS(geometry, POINT(" + start.x + " " + start.y + "))")).containsExactly("r01");
        assertThat(roads("S_INTERSECTS(geometry, MULTIPOINT((" + start.x + " " + start.y + "), (" + end.x + " "
                + end.y + ")))")).containsExactly("r01", "r55");

        // a BBOX across the antimeridian, as the bbox parameter reads it
        assertThat(markets("S_INTERSECTS(geometry, BBOX(179, -90, -179, 90))")).isEqualTo(expected(markets,
                m -> Math.abs(m.geometry().getX()) > 179));
        // two literals need no database: true keeps everything, false nothing
        assertThat(markets("S_INTERSECTS(POINT(0 0), BBOX(-1, -1, 1, 1))")).hasSize(markets.size());
        assertThat(markets("S_INTERSECTS(POINT(5 5), BBOX(-1, -1, 1, 1))")).isEmpty();
    }

    @Test
    void filterCombinesWithBboxAndEqualsAndPagesLikeTheCount() {
        Envelope box = new Envelope(80.0, 80.65, 20.0, 20.35);
        Condition filter = Cql2Text.parse("all_season = TRUE OR surface IS NULL");
        List<String> expected = expected(roads, r -> r.geometry().intersects(GF.toGeometry(box))
                && r.roadClass().equals("track") && (r.allSeason() || r.surface() == null));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 20; offset += 2) {
            FeaturePage page = store.query(Layer.ROADS, new FeatureQuery(box, null, Map.of("class", "track"), filter,
                    offset, 2));
            assertThat(page.numberMatched()).isEqualTo(expected.size());
            page.features().forEach(f -> paged.add(f.feature().id()));
            assertThat(store.features(Layer.ROADS, new FeatureQuery(box, null, Map.of("class", "track"), filter,
                    offset, 2))).isEqualTo(page.features());
        }
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void trueFalseAndJsonFiltersGiveTheSameAnswers() {
        assertThat(roads("TRUE")).hasSize(roads.size());
        assertThat(roads("FALSE OR class = 'path'")).isEqualTo(roads("class = 'path'"));
        assertThat(ids(Layer.ROADS, Cql2Json.parse("{\"op\": \"and\", \"args\": ["
                + "{\"op\": \"=\", \"args\": [{\"property\": \"class\"}, \"primary\"]},"
                + "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"},"
                + " {\"bbox\": [80, 20, 80.5, 20.3]}]},"
                + "{\"op\": \"not\", \"args\": [{\"op\": \"isNull\", \"args\": [{\"property\": \"surface\"}]}]}]}")))
                .isEqualTo(roads("class = 'primary' AND S_INTERSECTS(geometry, BBOX(80, 20, 80.5, 20.3)) AND NOT "
                        + "surface IS NULL"))
                .isNotEmpty();
    }

    @Test
    void refusesUnknownPropertiesAndMistypedLiteralsNamingThem() {
        assertThatThrownBy(() -> roads("colour = 'red'")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filter: layer roads has no queryable 'colour'; its queryables are id, class, surface, "
                        + "paving, all_season, motorable, name, ref, dataset, geometry");
        assertThatThrownBy(() -> markets("population = 'many'")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filter: property 'population' is a number and cannot be compared with the text 'many',"
                        + " which is a text");
        assertThatThrownBy(() -> roads("id = 5")).hasMessage("filter: property 'id' is a text and cannot be "
                + "compared with the number 5, which is a number; write the number in quotes");
        assertThatThrownBy(() -> roads("all_season = 'yes'")).hasMessageContaining("property 'all_season' is a "
                + "boolean");
        assertThatThrownBy(() -> markets("population LIKE '5%'")).hasMessage("filter: LIKE matches texts; property "
                + "'population' is a number");
        assertThatThrownBy(() -> roads("name BETWEEN 'a' AND 'b'")).hasMessage("filter: BETWEEN compares numbers; "
                + "property 'name' is a text");
        assertThatThrownBy(() -> roads("class IN ('a', 1)")).hasMessageContaining("the number 1");
        assertThatThrownBy(() -> roads("S_INTERSECTS(name, POINT(1 2))")).hasMessage("filter: S_INTERSECTS takes "
                + "geometries; property 'name' is a text (the geometry queryable is 'geometry')");
        assertThatThrownBy(() -> roads("geometry = 'x'")).hasMessageContaining("geometries are compared with "
                + "S_INTERSECTS");
        assertThatThrownBy(() -> roads("S_INTERSECTS(geometry, BBOX(80, 21, 81, 20))"))
                .hasMessageContaining("south edge north of its north edge");
        assertThatThrownBy(() -> markets("CASEI(population) = 'a'")).hasMessage("filter: CASEI takes a text; "
                + "property 'population' is a number");
    }
}
