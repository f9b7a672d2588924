package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.clustergrid.model.Dataset;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile of a real cluster of the Pokhara extract (with GeoNames towns of Nepal), read back from the PDF with
 * PDFBox and compared with the run's own score of the cluster, formatted as the report formats it.
 */
class ClusterProfileReportTest {
    @TempDir
    static Path dir;
    static TestStore store;
    static ReportContext ctx;
    static ScoringRun.Ranked estate;
    static String html;
    static PdfText a4;
    static PdfText letter;

    @BeforeAll
    static void build() throws Exception {
        store = TestStore.h2gis(dir);
        PokharaReports.fill(store.store());
        ctx = PokharaReports.context(store.store());
        estate = ctx.run().ranked().stream().filter(r -> "Pokhara Industrial Estate".equals(r.score().name()))
                .findFirst().orElseThrow();
        ReportDocument doc = new ClusterProfileReport().build(ctx, estate.score().id());
        html = new String(Reports.bytes(doc, ReportFormat.HTML, Paper.A4), StandardCharsets.UTF_8);
        byte[] pdf = Reports.bytes(doc, ReportFormat.PDF, Paper.A4);
        // kept under target/ for a look at the pages (pdftoppm)
        java.nio.file.Files.createDirectories(Path.of("target/report-samples"));
        java.nio.file.Files.write(Path.of("target/report-samples/pokhara-estate.pdf"), pdf);
        a4 = new PdfText(pdf);
        letter = new PdfText(Reports.bytes(doc, ReportFormat.PDF, Paper.LETTER));
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void identifiesTheClusterAndTheRun() {
        ClusterScore s = estate.score();
        contains("the PDF", a4.text, s.id(), "Pokhara Industrial Estate", "Cluster Grid ID", "Markets served",
                ctx.run().id(), ctx.run().profile().hash());
        // the style sheet sets the headline labels in capitals
        contains("the PDF", a4.text, "CONNECTIVITY SCORE " + Plain.score(s.composite()) + " of 100; "
                + Plain.percent(s.known()) + " of the evidence known");
    }

    @Test
    void showsEveryIndicatorAsTheRunScoredIt() {
        ClusterScore s = estate.score();
        int measured = 0;
        for (IndicatorResult r : s.indicators().values()) {
            String row = rowText(r.indicator());
            if (r.value() != null) {
                contains(r.indicator().id(), row, Plain.value(r.indicator().unit(), r.value()), Plain.score(r.score()));
                measured++;
            }
        }
        assertThat(measured).isGreaterThan(10);
        for (Dimension d : Dimension.values()) {
            contains("the PDF", a4.text, Labels.dimension(d) + " — score " + Plain.score(s.dimensions().get(d))
                    + " · target " + Plain.score(s.targets().get(d)) + " · gap " + Plain.score(s.gaps().get(d)));
        }
    }

    @Test
    void missingIndicatorsAreShownAsMissingWithTheirReasonNeverAsZero() {
        var missing = estate.score().indicators().values().stream().filter(r -> r.missing() != null).toList();
        assertThat(missing).as("Pokhara has no supply hours nor distribution lines").isNotEmpty();
        for (IndicatorResult r : missing) {
            String row = rowText(r.indicator());
            contains(r.indicator().id(), row, "unknown", PdfText.fold(r.missing().message()));
            assertThat(java.util.regex.Pattern.compile("data-indicator=\"" + r.indicator().id()
                    + "\" class=\"missing\"><td>[^<]*<span class=\"weight\">[^<]*</span></td>"
                    + "<td class=\"num value\">unknown</td>").matcher(html).find()).as(r.indicator().id()
                    + " shown as unknown").isTrue();
        }
        contains("the PDF", a4.text, "To measure first (unknown, not zero)");
    }

    @Test
    void listsEveryDatasetWithItsSourceLicenceAndAttribution() {
        assertThat(store.store().datasets()).hasSize(2);
        for (Dataset d : store.store().datasets()) {
            contains("the PDF", a4.text, d.id(), PdfText.fold(d.source()), d.licence(), PdfText.fold(d.attribution()));
        }
        contains("the PDF", a4.text, "ODbL 1.0", "CC BY 4.0", "© OpenStreetMap contributors");
        // the methodology cites the profile's sources
        contains("the PDF", a4.text, "OnSSET calibration: MV line within 3 km counts as grid-connected");
    }

    @Test
    void provenanceComesLastOnAPageOfItsOwn() {
        int intervention = a4.pageOf("Candidate projects");
        int provenance = a4.pageOf("Methodology and provenance");
        assertThat(intervention).isPositive();
        assertThat(provenance).isGreaterThan(intervention);
        // the profile itself on two pages, the method after it
        assertThat(a4.pageOf("Candidate projects")).isLessThanOrEqualTo(2);
        assertThat(provenance).isEqualTo(3);
        contains("the last page", a4.pages.get(a4.pages.size() - 1), "Page " + a4.pages.size() + " of "
                + a4.pages.size());
        assertThat(a4.pages.size()).as("profile and provenance").isBetween(3, 6);
    }

    @Test
    void everyFontIsEmbedded() {
        assertThat(a4.fonts).isNotEmpty();
        for (PDFont f : a4.fonts) {
            assertThat(f.isEmbedded()).as(f.getName()).isTrue();
        }
        assertThat(a4.fonts).extracting(PDFont::getName).allMatch(n -> n.contains("DejaVuSansCondensed"));
    }

    @Test
    void paperSizesFollowTheParameter() {
        for (float[] s : a4.sizes) {
            assertThat(s[0]).isCloseTo(595.28f, within(0.5f));
            assertThat(s[1]).isCloseTo(841.89f, within(0.5f));
        }
        for (float[] s : letter.sizes) {
            assertThat(s[0]).isCloseTo(612f, within(0.5f));
            assertThat(s[1]).isCloseTo(792f, within(0.5f));
        }
        contains("the Letter PDF", letter.text, estate.score().id(), Plain.score(estate.score().composite()));
    }

    @Test
    void theMapIsEmbeddedInTheSelfContainedHtml() {
        contains("the HTML", html, "<img class=\"map\"", "src=\"data:image/png;base64,",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"");
        assertThat(java.util.regex.Pattern.compile("(src|href)=\"https?:").matcher(html).find())
                .as("nothing fetched from elsewhere").isFalse();
    }

    @Test
    void anUnknownClusterIsRefusedByName() {
        assertThatThrownBy(() -> new ClusterProfileReport().build(ctx, "CG-XX-999999"))
                .isInstanceOf(UnknownClusterException.class).hasMessageContaining("CG-XX-999999");
    }

    /** The text of the indicator's table row, from the HTML (the PDF's text is the same markup laid out). */
    private static String rowText(Indicator i) {
        int at = html.indexOf("data-indicator=\"" + i.id() + "\"");
        assertThat(at).as(i.id()).isPositive();
        String row = html.substring(at, html.indexOf("</tr>", at));
        String text = PdfText.fold(row.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&"));
        contains("the PDF", a4.text, text.substring(text.indexOf('>') + 1).strip().split(" · weight")[0]);
        return text;
    }

    /** Each needle is in the text; a failure names the needle, not the whole report. */
    static void contains(String what, String text, String... needles) {
        for (String n : needles) {
            assertThat(text.contains(n)).as(what + " contains \"" + n + "\"").isTrue();
        }
    }
}
