package org.clustergrid.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.MultiRegionStore;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The oracle: a scenario evaluated on the store users have (Pokhara OSM, the literature clusters, GeoNames, PMGSY)
 * scores every cluster exactly as the same changes made to the OpenStreetMap data do — written as an OSM change file,
 * applied by osmium (apply-changes, then extract --set-bounds to keep the extract's bounds), imported into a fresh
 * store and scored. Every kind of intervention is in the scenario; every indicator, dimension, gap and priority of
 * every cluster is compared.
 */
class ScenarioOracleTest {
    @TempDir
    Path dir;

    private static final long NEW_IDS = 9_000_000_000L;
    private final StringBuilder create = new StringBuilder();
    /** The clusters whose all-season road the upgrades bring nearer. */
    private final List<String> moved = new ArrayList<>();
    private final List<String> features = new ArrayList<>();
    private long nextId = NEW_IDS;

    @Test
    void evaluationEqualsTheChangedDataImportedAndScoredAnew() throws Exception {
        Path pbf = SharedData.pokharaPbf();
        requireOsmium();
        ScoringProfile profile = DefaultProfile.read();
        ScenarioEvaluation evaluation;
        ScoringRun inMemory;
        try (TestStore a = TestStore.h2gis(dir.resolve("a"))) {
            MultiRegionStore.fill(a.store(), pbf);
            ScoringData base = ScoringData.load(a.store());
            ScoringEngine engine = ScoringEngine.build(base, profile, SpeedProfile.defaults());
            ScoringRun before = ScoringRun.run(engine, profile.dimensionWeights());
            List<String> upgraded = plan(base, before);
            Scenario scenario = ScenarioReader.read(ScenarioReaderTest.collection(features.toArray(String[]::new)),
                    "oracle");
            ScenarioApplier.Applied applied = ScenarioApplier.apply(base, scenario, CostProfile.none("USD"));
            inMemory = ScenarioEvaluator.after(applied, engine, profile.dimensionWeights());
            evaluation = ScenarioEvaluator.compare("oracle", applied, before, inMemory);
            writeChanges(pbf, upgraded);
        }
        Path changed = dir.resolve("changed.pbf");
        run("osmium", "apply-changes", pbf.toString(), dir.resolve("changes.osc").toString(), "-o",
                dir.resolve("applied.pbf").toString());
        run("osmium", "extract", "-b", "83.749,28.077,84.143,28.466", "--set-bounds", "-s", "complete_ways",
                dir.resolve("applied.pbf").toString(), "-o", changed.toString());
        ScoringRun oracle;
        try (TestStore b = TestStore.h2gis(dir.resolve("b"))) {
            MultiRegionStore.fill(b.store(), changed);
            ScoringData data = ScoringData.load(b.store());
            oracle = ScoringRun.run(ScoringEngine.build(data, profile, SpeedProfile.defaults()),
                    profile.dimensionWeights());
        }
        assertThat(oracle.ranked()).hasSameSizeAs(inMemory.ranked());
        int indicators = 0;
        for (int i = 0; i < oracle.ranked().size(); i++) {
            ClusterScore o = oracle.ranked().get(i).score();
            ClusterScore m = inMemory.ranked().get(i).score();
            assertThat(m.id()).isEqualTo(o.id());
            for (Indicator k : Indicator.values()) {
                IndicatorResult x = o.indicators().get(k);
                IndicatorResult y = m.indicators().get(k);
                String what = o.id() + " " + k.id();
                assertThat(y.missing() == null ? null : y.missing().reason()).as(what)
                        .isEqualTo(x.missing() == null ? null : x.missing().reason());
                if (x.value() != null) {
                    assertThat(y.value()).as(what).isCloseTo(x.value(), within(1e-6 * Math.max(1, x.value())));
                    assertThat(y.score()).as(what).isCloseTo(x.score(), within(1e-9));
                }
                indicators++;
            }
            assertThat(m.dimensions().keySet()).as(o.id()).isEqualTo(o.dimensions().keySet());
            o.dimensions().forEach((d, v) -> assertThat(m.dimensions().get(d)).as(o.id() + " " + d)
                    .isCloseTo(v, within(1e-9)));
            assertThat(m.gap() == null).as(o.id()).isEqualTo(o.gap() == null);
            if (o.gap() != null) {
                assertThat(m.gap()).as(o.id()).isCloseTo(o.gap(), within(1e-9));
            }
            assertThat(m.priority() == null).as(o.id()).isEqualTo(o.priority() == null);
            if (o.priority() != null) {
                assertThat(m.priority()).as(o.id()).isCloseTo(o.priority(), within(1e-6));
            }
        }
        System.out.printf(Locale.ROOT, "oracle: %d clusters, %d indicator values equal; the scenario changed %d"
                + " clusters, gap closed %.2f, priority gain %.1f%n", oracle.ranked().size(), indicators,
                evaluation.summary().clustersChanged(), evaluation.summary().gapClosed(),
                evaluation.summary().priorityGain());
        assertThat(evaluation.summary().clustersChanged()).isGreaterThanOrEqualTo(4);
        for (String id : moved) {
            assertThat(evaluation.clusters().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()
                    .indicators()).as(id).anySatisfy(i -> assertThat(i.id()).isEqualTo("road_all_season_distance"));
        }
    }

    /**
     * The scenario, built on the data: every kind of intervention near the first Pokhara clusters, each point at a
     * coordinate the data already hold (so the OSM file's 1e-7 degrees store it exactly). Returns the ways upgraded.
     */
    private List<String> plan(ScoringData base, ScoringRun before) {
        // the Pokhara clusters whose nearest unpaved road is nearer than their all-season road, by the widest margin
        List<StoredFeature> unpaved = base.roads().stream().filter(r -> r.datasetId().equals("pokhara")
                && ((Road) r.feature()).motorable() && ((Road) r.feature()).paving() == Road.Paving.UNPAVED).toList();
        NearestIndex<StoredFeature> unpavedIndex = NearestIndex.build(unpaved, f -> f.feature().geometry());
        Map<String, Double> margin = new java.util.HashMap<>();
        for (ScoringRun.Ranked r : before.ranked()) {
            StoredFeature c = base.clusters().stream().filter(x -> x.layerId().equals(r.score().id())).findFirst()
                    .orElseThrow();
            Double allSeason = r.score().indicators().get(Indicator.ROAD_ALL_SEASON_DISTANCE).value();
            if (c.datasetId().equals("pokhara") && allSeason != null) {
                margin.put(c.layerId(), allSeason - unpavedIndex.nearest(c.feature().geometry()).orElseThrow()
                        .metres());
            }
        }
        List<StoredFeature> clusters = base.clusters().stream().filter(c -> margin.getOrDefault(c.layerId(), 0.0) > 0)
                .sorted(Comparator.comparing((StoredFeature c) -> -margin.get(c.layerId()))).limit(4).toList();
        assertThat(clusters).hasSize(4);
        List<String> upgraded = new ArrayList<>();
        for (StoredFeature c : clusters.subList(0, 3)) {
            StoredFeature road = unpavedIndex.nearest(c.feature().geometry()).orElseThrow().item();
            if (!upgraded.contains(road.layerId())) {
                upgraded.add(road.layerId());
            }
            moved.add(c.layerId());
        }
        features.add(ScenarioReaderTest.feature("null", "\"kind\":\"upgrade_road\",\"surface\":\"asphalt\","
                + "\"cost\":1,\"roads\":[\"" + String.join("\",\"", upgraded) + "\"]"));
        point(vertex(clusters.get(0)), "finance_point", "\"finance_type\":\"bank\"", Map.of("amenity", "bank"));
        point(vertex(clusters.get(1)), "finance_point", "\"finance_type\":\"mobile_money_agent\"",
                Map.of("amenity", "mobile_money_agent"));
        point(vertex(clusters.get(2)), "market", "\"market_kind\":\"marketplace\"", Map.of("amenity", "marketplace"));
        point(vertex(clusters.get(1)), "new_substation", null,
                Map.of("power", "substation"));
        Coordinate at = vertex(clusters.get(3));
        StoredFeature nearRoad = NearestIndex.build(base.roads().stream().filter(r -> ((Road) r.feature())
                .motorable()).toList(), f -> f.feature().geometry()).nearest(clusters.get(3).feature().geometry())
                .orElseThrow().item();
        line(nearestVertex(nearRoad, at), at, "new_road", "\"class\":\"tertiary\",\"surface\":\"gravel\"",
                Map.of("highway", "tertiary", "surface", "gravel"));
        StoredFeature nearLine = NearestIndex.build(base.power().stream().filter(p -> ((PowerFeature) p.feature())
                .kind().isLinear()).toList(), f -> f.feature().geometry()).nearest(clusters.get(3).feature()
                .geometry()).orElseThrow().item();
        line(at, nearestVertex(nearLine, at), "new_power_line", "\"voltage_kv\":33",
                Map.of("power", "minor_line", "voltage", "33000"));
        return upgraded;
    }

    private static Coordinate vertex(StoredFeature f) {
        return f.feature().geometry().getCoordinates()[0];
    }

    private static Coordinate nearestVertex(StoredFeature f, Coordinate to) {
        Coordinate best = null;
        for (Coordinate c : f.feature().geometry().getCoordinates()) {
            if (best == null || c.distance(to) < best.distance(to)) {
                best = c;
            }
        }
        return best;
    }

    private void point(Coordinate c, String kind, String fields, Map<String, String> tags) {
        features.add(ScenarioReaderTest.feature("{\"type\":\"Point\",\"coordinates\":[" + c.x + "," + c.y + "]}",
                "\"kind\":\"" + kind + "\",\"cost\":1" + (fields == null ? "" : "," + fields)));
        create.append(node(nextId++, c, tags));
    }

    private void line(Coordinate from, Coordinate to, String kind, String fields, Map<String, String> tags) {
        features.add(ScenarioReaderTest.feature("{\"type\":\"LineString\",\"coordinates\":[[" + from.x + ","
                + from.y + "],[" + to.x + "," + to.y + "]]}", "\"kind\":\"" + kind + "\",\"cost\":1," + fields));
        long a = nextId++;
        long b = nextId++;
        create.append(node(a, from, Map.of())).append(node(b, to, Map.of()));
        create.append("<way id=\"").append(nextId++).append("\" version=\"1\"><nd ref=\"").append(a)
                .append("\"/><nd ref=\"").append(b).append("\"/>").append(tags(tags)).append("</way>\n");
    }

    private static String node(long id, Coordinate c, Map<String, String> tags) {
        return String.format(Locale.ROOT, "<node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\">%s</node>%n", id,
                c.y, c.x, tags(tags));
    }

    private static String tags(Map<String, String> tags) {
        StringBuilder out = new StringBuilder();
        tags.forEach((k, v) -> out.append("<tag k=\"").append(k).append("\" v=\"").append(v).append("\"/>"));
        return out.toString();
    }

    /** The OSM change: the upgraded ways as they are with surface=asphalt (tracktype, smoothness gone), and the new. */
    private void writeChanges(Path pbf, List<String> upgraded) throws Exception {
        List<String> command = new ArrayList<>(List.of("osmium", "getid", "-f", "osm", pbf.toString()));
        upgraded.forEach(id -> command.add(id.substring(id.indexOf('.') + 1)));
        command.addAll(List.of("-o", dir.resolve("ways.osm").toString()));
        run(command.toArray(String[]::new));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("ways.osm")
                .toFile());
        NodeList ways = doc.getElementsByTagName("way");
        assertThat(ways.getLength()).isEqualTo(upgraded.size());
        StringBuilder modify = new StringBuilder();
        for (int w = 0; w < ways.getLength(); w++) {
            Element way = (Element) ways.item(w);
            way.setAttribute("version", Integer.toString(Integer.parseInt(way.getAttribute("version")) + 1));
            NodeList tags = way.getElementsByTagName("tag");
            boolean surface = false;
            for (int t = tags.getLength() - 1; t >= 0; t--) {
                Element tag = (Element) tags.item(t);
                switch (tag.getAttribute("k")) {
                    case "tracktype", "smoothness" -> way.removeChild(tag);
                    case "surface" -> {
                        tag.setAttribute("v", "asphalt");
                        surface = true;
                    }
                    default -> { }
                }
            }
            if (!surface) {
                Element tag = doc.createElement("tag");
                tag.setAttribute("k", "surface");
                tag.setAttribute("v", "asphalt");
                way.appendChild(tag);
            }
            StringWriter out = new StringWriter();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.transform(new DOMSource(way), new StreamResult(out));
            modify.append(out).append('\n');
        }
        Files.writeString(dir.resolve("changes.osc"), "<?xml version='1.0' encoding='UTF-8'?>\n<osmChange"
                + " version=\"0.6\" generator=\"test\">\n<modify>\n" + modify + "</modify>\n<create>\n" + create
                + "</create>\n</osmChange>\n", StandardCharsets.UTF_8);
    }

    private static void requireOsmium() {
        boolean present;
        try {
            present = new ProcessBuilder("osmium", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            present = false;
        }
        if (!present) {
            String reason = "osmium (Debian's osmium-tool) is not installed: the oracle applies the OSM changes with it";
            if (Boolean.getBoolean("clustergrid.test.requireSharedData")) {
                org.junit.jupiter.api.Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
