package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.model.Dataset;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoreOutput;
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
    void summaryCountsTheClustersAndKeepsUnknownsApart() {
        List<ScoringRun.Ranked> ranked = ctx.run().ranked();
        long scored = ranked.stream().filter(r -> r.score().scored()).count();
        System.out.println(a4.text.substring(0, Math.min(3000, a4.text.length())));
        ClusterProfileReportTest.contains("the PDF", a4.text, "CLUSTERS " + ranked.size() + " " + scored + " scored");
    }
}
