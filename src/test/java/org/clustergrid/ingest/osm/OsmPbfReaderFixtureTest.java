package org.clustergrid.ingest.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ingest.osm.PbfFixture.member;
import static org.clustergrid.ingest.osm.PbfFixture.refs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.Typology.ClusterType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;

/** Small hand-built PBF files covering the geometry assembly and tag parsing cases the real extract lacks. */
class OsmPbfReaderFixtureTest {
    @TempDir
    static Path dir;

    static ImportReport report;
    static List<LayerFeature> features;

    @BeforeAll
    static void readFixture() throws Exception {
        Path file = dir.resolve("fixture.osm.pbf");
        new PbfFixture()
                // outer square 85.0..85.1 x 27.0..27.1, hole 85.04..85.06 x 27.04..27.06
                .node(1, 85.0, 27.0)
                .node(2, 85.1, 27.0)
                .node(3, 85.1, 27.1)
                .node(4, 85.0, 27.1)
                .node(5, 85.04, 27.04)
                .node(6, 85.06, 27.04)
                .node(7, 85.06, 27.06)
                .node(8, 85.04, 27.06)
                .node(9, 85.2, 27.2)
                .node(10, 85.3, 27.3)
                .node(20, 85.01, 27.01, "place", "town", "name", "Badpop", "population", "about 5000")
                .node(21, 85.02, 27.01, "place", "village", "name", "Spaced", "population", "12 000")
                .node(22, 85.03, 27.01, "amenity", "bank", "name", "Triveni Saving and Credit Co-Operative")
                .node(23, 85.04, 27.01, "office", "financial", "name", "Gramin Laghubitta")
                .node(24, 85.05, 27.01, "shop", "money_lender")
                .node(25, 85.06, 27.01, "amenity", "mobile_money_agent")
                .node(26, 85.07, 27.01, "power", "plant", "plant:output:electricity", "30 MW")
                .node(27, 85.08, 27.01, "power", "generator", "generator:output:electricity", "500 kW")
                .node(28, 85.09, 27.01, "power", "tower")
                // three split outer ways; the third runs backwards and must be reversed to close the ring
                .way(101, refs(1, 2, 3))
                .way(102, refs(3, 4))
                .way(103, refs(1, 4))
                .way(104, refs(5, 6, 7, 8, 5))
                .way(110, refs(9, 10), "power", "line", "voltage", "11 kV")
                .way(111, refs(9, 10), "power", "minor_line", "voltage", "400;11kv;high")
                .way(112, refs(1, 999, 3), "highway", "track", "tracktype", "grade1")
                .way(113, refs(1, 2), "highway", "primary", "name", "Main Road", "ref", "H04")
                .way(114, refs(2, 3), "highway", "track", "tracktype", "grade3")
                .way(115, refs(3, 9), "highway", "footway", "surface", "asphalt")
                .way(116, refs(5, 6, 7, 8, 5), "amenity", "marketplace", "craft", "weaver", "name", "Weavers' bazaar")
                .way(117, refs(9, 10))
                .relation(201, List.of(member('w', 101, "outer"), member('w', 102, "outer"),
                                member('w', 103, ""), member('w', 104, "inner")),
                        "type", "multipolygon", "power", "substation", "voltage", "132000;33000", "name", "Lekhnath")
                .relation(202, List.of(member('w', 117, "outer")),
                        "type", "multipolygon", "landuse", "industrial", "name", "Open estate")
                .write(file);
        report = new ImportReport();
        features = new ArrayList<>();
        OsmPbfReader.read(file, OsmImportOptions.withClusters(), report, features::add);
    }

    private static Map<String, LayerFeature> byId(Class<? extends LayerFeature> type) {
        return features.stream().filter(type::isInstance)
                .collect(Collectors.toMap(LayerFeature::id, Function.identity()));
    }

    private static List<ImportProblem> warningsAbout(String location) {
        return report.problems().stream().filter(p -> location.equals(p.location())).toList();
    }

    @Test
    void noErrorsAndEveryFeatureCounted() {
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(report.counts()).containsEntry(Layer.ROADS, 3).containsEntry(Layer.POWER, 5)
                .containsEntry(Layer.FINANCE, 4).containsEntry(Layer.MARKETS, 3).containsEntry(Layer.CLUSTERS, 1);
        assertThat(features).hasSize(16);
        assertThat(features).allSatisfy(f -> assertThat(f.geometry().isValid()).as(f.id()).isTrue());
    }

    @Test
    void multipolygonFromThreeSplitOuterWaysHasItsHole() {
        PowerFeature substation = (PowerFeature) byId(PowerFeature.class).get("r201");
        assertThat(substation.kind()).isEqualTo(PowerKind.SUBSTATION);
        assertThat(substation.name()).isEqualTo("Lekhnath");
        assertThat(substation.voltages()).containsExactly(132000, 33000);
        assertThat(substation.geometry()).isInstanceOf(Polygon.class);
        Polygon p = (Polygon) substation.geometry();
        assertThat(p.getNumInteriorRing()).isEqualTo(1);
        assertThat(p.getArea()).isCloseTo(0.01 - 0.0004, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unclosableMultipolygonIsLeftOutWithAWarning() {
        assertThat(features).noneMatch(f -> f.id().equals("r202"));
        assertThat(warningsAbout("relation 202")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("cannot be built", "cannot be closed"));
    }

    @Test
    void voltagesAndCapacities() {
        Map<String, LayerFeature> power = byId(PowerFeature.class);
        assertThat(((PowerFeature) power.get("w110")).voltages()).containsExactly(11000);
        assertThat(((PowerFeature) power.get("w111")).voltages()).containsExactly(400, 11000);
        assertThat(warningsAbout("way 111")).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("voltage");
            assertThat(w.message()).contains("'high'");
        });
        assertThat(((PowerFeature) power.get("n26")).capacityMw()).isEqualTo(30.0);
        assertThat(((PowerFeature) power.get("n27")).capacityMw()).isEqualTo(0.5);
        assertThat(power).doesNotContainKey("n28"); // towers are not imported
    }

    @Test
    void populationWithSeparatorsIsReadAndAnUnreadableOneWarns() {
        Map<String, LayerFeature> markets = byId(Market.class);
        assertThat(((Market) markets.get("n21")).population()).isEqualTo(12000L);
        Market bad = (Market) markets.get("n20");
        assertThat(bad.kind()).isEqualTo(MarketKind.TOWN);
        assertThat(bad.population()).isNull();
        assertThat(warningsAbout("node 20")).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("population");
            assertThat(w.file()).isEqualTo("fixture.osm.pbf");
        });
    }

    @Test
    void wayWithAMissingNodeIsLeftOutWithAWarning() {
        assertThat(byId(Road.class)).doesNotContainKey("w112");
        assertThat(warningsAbout("way 112")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("1 of its 3 nodes are not in the file"));
    }

    @Test
    void roadsGetPavingSeasonAndMotorability() {
        Map<String, LayerFeature> roads = byId(Road.class);
        Road primary = (Road) roads.get("w113");
        assertThat(primary.paving()).isEqualTo(Paving.UNKNOWN);
        assertThat(primary.allSeason()).isTrue();
        assertThat(primary.motorable()).isTrue();
        assertThat(primary.name()).isEqualTo("Main Road");
        assertThat(primary.ref()).isEqualTo("H04");
        assertThat(primary.attributes()).containsEntry("highway", "primary");
        Road track = (Road) roads.get("w114");
        assertThat(track.paving()).isEqualTo(Paving.UNPAVED);
        assertThat(track.allSeason()).isFalse();
        Road footway = (Road) roads.get("w115");
        assertThat(footway.paving()).isEqualTo(Paving.PAVED);
        assertThat(footway.allSeason()).isTrue();
        assertThat(footway.motorable()).isFalse();
    }

    @Test
    void financeTypesFollowTheDocumentedRules() {
        Map<String, LayerFeature> finance = byId(FinancePoint.class);
        assertThat(((FinancePoint) finance.get("n22")).type()).isEqualTo(FinanceType.CREDIT_COOPERATIVE);
        assertThat(((FinancePoint) finance.get("n23")).type()).isEqualTo(FinanceType.MICROFINANCE);
        assertThat(((FinancePoint) finance.get("n24")).type()).isEqualTo(FinanceType.INFORMAL_CREDIT);
        assertThat(((FinancePoint) finance.get("n25")).type()).isEqualTo(FinanceType.MOBILE_MONEY_AGENT);
    }

    @Test
    void anAreaMatchingTwoLayersGoesToBoth() {
        Market bazaar = (Market) byId(Market.class).get("w116");
        assertThat(bazaar.kind()).isEqualTo(MarketKind.MARKETPLACE);
        assertThat(bazaar.geometry().getX()).isBetween(85.04, 85.06); // interior point of the area
        Cluster weavers = (Cluster) byId(Cluster.class).get("w116");
        assertThat(weavers.typology().type()).isEqualTo(ClusterType.ARTISANAL_CRAFT);
        assertThat(weavers.sector()).isEqualTo("weaver");
        assertThat(weavers.footprint()).isInstanceOf(Polygon.class);
        assertThat(weavers.clusterGridId()).isNull();
        assertThat(weavers.source()).isEqualTo("OpenStreetMap");
    }

    @Test
    void clustersAreOnlyReadWhenAskedFor() throws Exception {
        List<LayerFeature> without = new ArrayList<>();
        OsmPbfReader.read(dir.resolve("fixture.osm.pbf"), OsmImportOptions.defaults(), new ImportReport(),
                without::add);
        assertThat(without).noneMatch(Cluster.class::isInstance).hasSize(features.size() - 1);
    }
}
