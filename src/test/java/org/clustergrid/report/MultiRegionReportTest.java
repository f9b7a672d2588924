package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.model.Dataset;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.MultiRegionStore;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles on the store users really have (Pokhara, the literature clusters, GeoNames, PMGSY Punjab): a cluster
 * outside the road and grid data shows those indicators as unknown with the reason, is not scored, and its profile
 * still names every data set.
 */
class MultiRegionReportTest {
    @TempDir
    static Path dir;
    static TestStore store;
    static ReportContext ctx;

    @BeforeAll
    static void build() throws Exception {
        store = TestStore.h2gis(dir);
        MultiRegionStore.fill(store.store());
        ctx = PokharaReports.context(store.store());
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void tiruppurIsUnknownOutsideTheDataNotZero() throws Exception {
        ScoringRun.Ranked tiruppur = ctx.run().ranked().stream()
                .filter(r -> "Tiruppur knitwear".equals(r.score().name())).findFirst().orElseThrow();
        ReportDocument doc = new ClusterProfileReport().build(ctx, tiruppur.score().id());
        byte[] pdf = Reports.bytes(doc, ReportFormat.PDF, Paper.A4);
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/multi-region-tiruppur.pdf"), pdf);
        PdfText text = new PdfText(pdf);
        String html = new String(Reports.bytes(doc, ReportFormat.HTML, Paper.A4), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(tiruppur.score().composite()).isNull();
        int outside = 0;
        for (IndicatorResult r : tiruppur.score().indicators().values()) {
            if (r.missing() != null && r.missing().reason() == Missing.Reason.OUTSIDE_COVERAGE) {
                outside++;
                ClusterProfileReportTest.contains("the PDF", text.text, PdfText.fold(r.missing().message()));
                assertThat(html.contains("data-indicator=\"" + r.indicator().id() + "\" class=\"missing\""))
                        .as(r.indicator().id()).isTrue();
            }
        }
        assertThat(outside).isGreaterThan(3);
        ClusterProfileReportTest.contains("the PDF", text.text, "Unknown (outside coverage)",
                "CONNECTIVITY SCORE —", "No rank: " + tiruppur.unranked());
        for (Dataset d : store.store().datasets()) {
            ClusterProfileReportTest.contains("the PDF", text.text, d.id(), d.licence());
        }
        for (var font : text.fonts) {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
    }
}
