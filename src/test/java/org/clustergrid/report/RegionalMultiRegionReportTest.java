package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Dataset;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.MultiRegionStore;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The regional report on the store users really have (Pokhara, the literature clusters on four continents, GeoNames,
 * PMGSY Punjab) with real country borders (India, Nepal, Pakistan; OSM-derived) as a layer of areas. Which clusters a
 * region holds is counted apart from the report, by JTS point-in-polygon over the borders read from their file; the
 * figures are the run's, formatted as the report formats them.
 */
class RegionalMultiRegionReportTest {
    static final Path BORDERS = Path.of("src/test/resources/boundaries/south-asia-countries.geojson");
    @TempDir
    static Path dir;
    static TestStore store;
    static ReportContext ctx;
    /** Cluster Grid IDs per country (A3), found apart from the server. */
    static Map<String, Set<String>> byCountry = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws Exception {
        store = TestStore.h2gis(dir);
        MultiRegionStore.fill(store.store());
        new ContextLayerImporter(store.store(), ImportLimits.DEFAULT).run(new ContextLayerImporter.Request(
                List.of(BORDERS), null, "countries", "Countries", "geo-maps countries-land-10km", "ODbL 1.0",
                "© OpenStreetMap contributors", null, null));
        ctx = PokharaReports.context(store.store());
        var fc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(BORDERS.toFile());
        for (var f : fc.path("features")) {
            Geometry g = new GeoJsonReader().read(f.path("geometry").toString());
            Set<String> ids = new TreeSet<>();
            for (StoredFeature c : ctx.data().clusters()) {
                Geometry footprint = ((Cluster) c.feature()).footprint();
                Geometry p = footprint.getDimension() == 0 ? footprint.getCentroid() : footprint.getInteriorPoint();
                if (g.covers(p)) {
                    ids.add(c.layerId());
                }
            }
            byCountry.put(f.path("properties").path("A3").asText(), ids);
        }
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    static RegionReportRequest resolve(String layer, String feature, String by, String bbox, String area,
            String country, int top) {
        return RegionScopes.resolve(store.store().contextLayers(), new RegionQuery(layer, feature, by, bbox, area,
                country, top), 10_000);
    }

    static List<ScoringRun.Ranked> ranked(Set<String> ids) {
        return ctx.run().byRank().stream().filter(r -> ids.contains(r.score().id())).toList();
    }

    @Test
    void indiaByItsBorderHasTheClustersInsideItAndItsCsvIsTheirScoresRows() throws Exception {
        Set<String> india = byCountry.get("IND");
        assertThat(india).hasSizeGreaterThan(3); // the literature's Indian clusters
        RegionReportRequest request = resolve("countries", "ind", null, null, null, null, 20);
        assertThat(request.scope().name()).isEqualTo("Countries: IND");
        String csv = RegionalPriorityReport.csv(ctx, request.scope());
        List<String> all = Arrays.asList(ScoreOutput.csv(ctx.run().byRank()).split("\r\n"));
        List<String> expected = new ArrayList<>(List.of(all.get(0)));
        all.stream().skip(1).filter(l -> india.contains(l.split(",")[0])).forEach(expected::add);
        assertThat(csv.split("\r\n")).containsExactlyElementsOf(expected);

        byte[] pdf = Reports.bytes(new RegionalPriorityReport().build(ctx, request), ReportFormat.PDF, Paper.A4);
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/region-india.pdf"), pdf);
        PdfText text = new PdfText(pdf);
        List<ScoringRun.Ranked> members = ranked(india);
        long scored = members.stream().filter(r -> r.score().scored()).count();
        contains(text.text, "Countries: IND", "CLUSTERS " + india.size() + " " + scored + " scored", ctx.run().id());
        for (ScoringRun.Ranked r : members) {
            ClusterScore s = r.score();
            if (s.scored()) {
                contains(text.text, s.name() + " " + s.id() + " " + (s.size() == null ? "unknown" : Plain.count(s.size()))
                        + " " + Plain.score(s.composite()));
            } else {
                contains(text.text, s.id() + " " + Plain.percent(s.known()));
                contains(text.text, r.unranked());
            }
        }
        for (Dataset d : store.store().datasets()) {
            contains(text.text, d.id(), d.licence());
        }
        contains(text.text, "countries", "ODbL 1.0", "© OpenStreetMap contributors");
    }

    @Test
    void everyClusterByCountryHasATableRowPerCountryAndNoneIsCountedAsZero() throws Exception {
        RegionReportRequest request = resolve(null, null, "countries", null, null, null, 10);
        ReportDocument doc = new RegionalPriorityReport().build(ctx, request);
        byte[] pdf = Reports.bytes(doc, ReportFormat.PDF, Paper.LETTER);
        Files.write(Path.of("target/report-samples/region-all-by-country-letter.pdf"), pdf);
        PdfText text = new PdfText(pdf);
        assertThat(text.sizes.get(0)[0]).isEqualTo(612f);
        String html = doc.body();
        for (Map.Entry<String, Set<String>> c : byCountry.entrySet()) {
            long scored = ranked(c.getValue()).stream().filter(r -> r.score().scored()).count();
            String cell = c.getValue().isEmpty() ? "0" : c.getValue().size() + " (" + scored + " scored)";
            contains(text.text, c.getKey() + " " + cell);
        }
        assertThat(byCountry.get("NPL")).as("Pokhara's clusters lie in Nepal").hasSizeGreaterThan(30);
        // the not-scored clusters (outside the road and grid data) are listed with their reason, not as 0
        List<ScoringRun.Ranked> notScored = ctx.run().byRank().stream().filter(r -> !r.score().scored()).toList();
        assertThat(notScored).isNotEmpty();
        contains(text.text, "Clusters not scored (" + notScored.size() + ")");
        for (ScoringRun.Ranked r : notScored) {
            assertThat(html).contains("<tr data-cluster=\"" + r.score().id() + "\">");
        }
        // each map's key counts every cluster once: in its class, or as having no score
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("<span class=\"swatch\"><span class=\"dot\""
                + "[^>]*></span> ([^<]*): (\\d+)</span>").matcher(html);
        int keyed = 0;
        int noScore = -1;
        int noPriority = -1;
        while (key.find()) {
            int n = Integer.parseInt(key.group(2));
            keyed += n;
            noScore = key.group(1).equals("no score") ? n : noScore;
            noPriority = key.group(1).equals("unknown (size or score)") ? n : noPriority;
        }
        assertThat(keyed).as("two maps' keys").isEqualTo(2 * ctx.run().ranked().size());
        assertThat(noScore).isEqualTo(notScored.size());
        assertThat(noPriority).isEqualTo(ctx.run().ranked().stream().filter(r -> r.score().priority() == null).count());
        ScoringRun.Ranked first = ctx.run().byRank().get(0);
        contains(text.text, "1 " + first.score().name() + " " + first.score().id());
    }

    @Test
    void aCountryCodeOrABoxChoosesTheClusters() throws Exception {
        Set<String> indian = new TreeSet<>();
        ctx.run().ranked().stream().map(r -> r.score().id()).filter(id -> id.startsWith("CG-IN-")).forEach(indian::add);
        assertThat(indian).isNotEmpty();
        assertThat(RegionalContentBuilder.memberIds(ctx, resolve(null, null, null, null, null, "in", 20).scope()))
                .containsExactlyInAnyOrderElementsOf(indian);
        // Pokhara's extract lies within this box; no other cluster does
        Set<String> box = new TreeSet<>(RegionalContentBuilder.memberIds(ctx,
                resolve(null, null, null, "83.7,28.0,84.2,28.5", null, null, 20).scope()));
        assertThat(box).hasSize(41);
        Set<String> polygon = new TreeSet<>(RegionalContentBuilder.memberIds(ctx, resolve(null, null, null, null,
                "POLYGON((83.7 28.0, 84.2 28.0, 84.2 28.5, 83.7 28.5, 83.7 28.0))", null, 20).scope()));
        assertThat(polygon).isEqualTo(box);
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> resolve("nowhere", null, null, null, null, null, 20))
                .isInstanceOf(UnknownRegionException.class).hasMessageContaining("no layer 'nowhere'");
        assertThatThrownBy(() -> resolve("countries", "ATL", null, null, null, null, 20))
                .isInstanceOf(UnknownRegionException.class).hasMessageContaining("has no area 'ATL'");
        assertThatThrownBy(() -> resolve("countries", null, null, "1,2,3,4", null, null, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one of layer, bbox, area or country");
        assertThatThrownBy(() -> resolve(null, null, null, "84,28,83,29", null, null, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bbox");
        assertThatThrownBy(() -> resolve(null, null, null, null, "POINT(84 28)", null, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("polygon");
        assertThatThrownBy(() -> resolve(null, null, null, null, null, "Nepal", 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> resolve(null, null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("top");
        RegionReportRequest ocean = resolve(null, null, null, "-30,-30,-29,-29", null, null, 20);
        assertThatThrownBy(() -> new RegionalPriorityReport().build(ctx, ocean))
                .isInstanceOf(EmptyRegionException.class).hasMessageContaining("no cluster");
        assertThatThrownBy(() -> RegionalPriorityReport.csv(ctx, ocean.scope()))
                .isInstanceOf(EmptyRegionException.class);
    }

    static void contains(String text, String... needles) {
        ClusterProfileReportTest.contains("the report", text, needles);
    }
}
