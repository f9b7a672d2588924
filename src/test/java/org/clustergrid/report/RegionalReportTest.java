package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.model.Dataset;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.Missing;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regional priority report on the real Pokhara region (OSM extract and GeoNames towns of Nepal): read back from
 * the PDF with PDFBox and compared with the run's own scores of the region's clusters, formatted as the report does.
 */
class RegionalReportTest {
    @TempDir
    static Path dir;
    static TestStore store;
    static ReportContext ctx;
    static ReportDocument all;
    static PdfText a4;

    @BeforeAll
    static void build() throws Exception {
        store = TestStore.h2gis(dir);
        PokharaReports.fill(store.store());
        ctx = PokharaReports.context(store.store());
        all = new RegionalPriorityReport().build(ctx, new RegionReportRequest(RegionScope.all(), null, 20));
        byte[] pdf = Reports.bytes(all, ReportFormat.PDF, Paper.A4);
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/region-pokhara-all.pdf"), pdf);
        a4 = new PdfText(pdf);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void namesTheRegionTheRunAndEverySource() {
        ClusterProfileReportTest.contains("the PDF", a4.text, "REGIONAL PRIORITY REPORT", "All clusters",
                ctx.run().id(), ctx.run().profile().hash(), "Methodology and provenance");
        for (Dataset d : store.store().datasets()) {
            ClusterProfileReportTest.contains("the PDF", a4.text, d.id(), d.licence(), d.attribution());
        }
        for (var font : a4.fonts) {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
        assertThat(a4.pages.get(a4.pages.size() - 1)).contains("Page " + a4.pages.size() + " of " + a4.pages.size());
    }

    @Test
    void summaryAndDimensionsAreTheRunsFiguresFormattedAsTheReportDoes() {
        List<ScoringRun.Ranked> ranked = ctx.run().ranked();
        long scored = ranked.stream().filter(r -> r.score().scored()).count();
        long firmsKnown = ranked.stream().filter(r -> firms(r) != null).count();
        ClusterProfileReportTest.contains("the PDF", a4.text, "CLUSTERS " + ranked.size() + " " + scored + " scored",
                "Clusters " + ranked.size() + " of the run's " + ranked.size());
        if (firmsKnown == 0) {
            ClusterProfileReportTest.contains("the PDF", a4.text, "FIRMS not known none of the " + ranked.size()
                    + " clusters reports it (unknown, not 0)");
        }
        for (Dimension d : Dimension.values()) {
            double[] v = ranked.stream().map(r -> r.score().dimensions().get(d)).filter(x -> x != null)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            long shortOf = ranked.stream().filter(r -> r.score().dimensions().get(d) != null
                    && r.score().gaps().get(d) != null && r.score().gaps().get(d) > 0).count();
            String cells = Labels.dimension(d) + " " + v.length + " of " + ranked.size() + " "
                    + (v.length == 0 ? "unknown unknown" : Plain.percent((double) shortOf / v.length) + " "
                    + Plain.score(quantile(v, 0.5)) + " (" + Plain.score(quantile(v, 0.25)) + "–"
                    + Plain.score(quantile(v, 0.75)) + ")");
            ClusterProfileReportTest.contains("the PDF", a4.text, cells);
        }
    }

    @Test
    void theRankingListsTheFirstTwentyInTheRunsOrder() {
        String html = all.body();
        List<ScoringRun.Ranked> order = ctx.run().byRank().stream().filter(r -> r.score().scored()).limit(20).toList();
        assertThat(order).hasSize(20);
        int n = 0;
        int last = -1;
        for (ScoringRun.Ranked r : order) {
            ClusterScore s = r.score();
            int at = html.indexOf("<tr data-cluster=\"" + s.id() + "\">");
            assertThat(at).as(s.id() + " in order").isGreaterThan(last);
            last = at;
            String row = html.substring(at, html.indexOf("</tr>", at));
            ClusterProfileReportTest.contains(s.id(), row, ">" + ++n + "<", ">" + Xhtml.escape(s.name()) + "<",
                    ">" + Plain.score(s.composite()) + "<", ">" + Plain.score(s.gap()) + "<");
            ClusterProfileReportTest.contains("the PDF", a4.text, s.id(), Plain.score(s.composite()));
            if (s.size() == null) {
                assertThat(row).contains(">unknown<").doesNotContain(">0<");
            }
        }
        assertThat(html).doesNotContain("<tr data-cluster=\"" + ctx.run().byRank().get(20).score().id() + "\">");
    }

    @Test
    void unknownIndicatorsAreCountedWithTheirReasonNotAsZero() {
        Map<String, Map<Missing.Reason, Integer>> unknown = new LinkedHashMap<>();
        for (ScoringRun.Ranked r : ctx.run().ranked()) {
            for (IndicatorResult ir : r.score().indicators().values()) {
                if (ir.missing() != null) {
                    unknown.computeIfAbsent(ir.indicator().title(), k -> new EnumMap<>(Missing.Reason.class))
                            .merge(ir.missing().reason(), 1, Integer::sum);
                }
            }
        }
        assertThat(unknown).as("the extract has no MV lines nor supply hours").isNotEmpty();
        for (var e : unknown.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<String> reasons = new ArrayList<>();
            e.getValue().forEach((reason, n) -> reasons.add(reason.id().replace('_', ' ') + ": " + n));
            ClusterProfileReportTest.contains("the PDF", a4.text, total + " " + String.join("; ", reasons));
        }
    }

    @Test
    void aDrawnPolygonHoldsTheClustersInsideIt() throws Exception {
        // the western half of the extract, counted apart by JTS over the clusters' points
        Geometry west = new WKTReader().read("POLYGON((83.7 28.0, 83.98 28.0, 83.98 28.5, 83.7 28.5, 83.7 28.0))");
        List<String> inside = new ArrayList<>();
        for (StoredFeature f : ctx.data().clusters()) {
            Geometry g = f.feature().geometry();
            if (west.covers(g.getDimension() == 0 ? g.getCentroid() : g.getInteriorPoint())) {
                inside.add(f.layerId());
            }
        }
        assertThat(inside.size()).isBetween(1, 40);
        RegionScope scope = RegionScope.area("West", "a drawn polygon", west);
        assertThat(RegionalContentBuilder.memberIds(ctx, scope)).containsExactlyElementsOf(inside);
        PdfText pdf = new PdfText(Reports.bytes(new RegionalPriorityReport().build(ctx, new RegionReportRequest(scope,
                null, 5)), ReportFormat.PDF, Paper.LETTER));
        ClusterProfileReportTest.contains("the PDF", pdf.text, "CLUSTERS " + inside.size() + " ", "Clusters "
                + inside.size() + " of the run's " + ctx.run().ranked().size());
        assertThat(pdf.sizes.get(0)[1]).isEqualTo(792f);
    }

    private static Integer firms(ScoringRun.Ranked r) {
        Integer i = ctx.position(r.score().id());
        return ((org.clustergrid.model.Cluster) ctx.data().clusters().get(i).feature()).firms();
    }

    /** Linear interpolation between order statistics (R's default), as a planner's spreadsheet computes it. */
    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
