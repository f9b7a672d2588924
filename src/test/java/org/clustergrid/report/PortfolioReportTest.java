package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.portfolio.CandidateGenerator;
import org.clustergrid.portfolio.Candidates;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.portfolio.PortfolioOutput;
import org.clustergrid.portfolio.PortfolioPlanner;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.InterventionKind;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioEvaluation.ClusterChange;
import org.clustergrid.scoring.Parameters;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Portfolio reports on the real Pokhara extract with a cluster at each OSM village: one chosen exactly from 14
 * projects with their costs entered (banks, agents, 132 kV lines at clusters with a gap), one from the grid extensions
 * made from the gaps and priced by the default cost profile (OnSSET), one that buys nothing. Read back from the PDF
 * with PDFBox and compared with the portfolio, formatted as the report formats it. The PDFs are left in
 * target/portfolio-report/ to be looked at.
 */
class PortfolioReportTest {
    private static final GeometryFactory GF = new GeometryFactory();
    @TempDir
    static Path dir;
    static TestStore store;
    static PokharaVillages.Scored scored;
    static Portfolio exact;
    static Portfolio generated;
    static String html;
    static PdfText a4;
    static PdfText letter;
    static PdfText fromGaps;

    @BeforeAll
    static void build() throws Exception {
        store = TestStore.h2gis(dir);
        scored = PokharaVillages.fill(store.store());
        ReportContext ctx = scored.context();
        Scenario given = projects(new Random(12), 14);
        long start = System.nanoTime();
        exact = PortfolioPlanner.plan(scored.engine(), scored.run(), Candidates.of(ctx.data(), given, scored.costs(),
                x -> "given"), scored.costs(), 150_000, Objective.PRIORITY, List.of());
        PortfolioReport.Subject subject = new PortfolioReport.Subject(exact, scored.costs(),
                "the 14 interventions of scenario 'candidates'");
        double chosen = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        html = new String(bytes(subject, PortfolioReportFormat.HTML, Paper.A4), StandardCharsets.UTF_8);
        double htmlSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        byte[] pdf = bytes(subject, PortfolioReportFormat.PDF, Paper.A4);
        System.out.printf(Locale.ROOT, "portfolio of 14 candidates chosen in %.2f s; its report as HTML in %.2f s,"
                + " then as PDF in %.2f s (%,d bytes)%n", chosen, htmlSeconds, (System.nanoTime() - start) / 1e9,
                pdf.length);
        a4 = new PdfText(keep("exact-a4.pdf", pdf));
        letter = new PdfText(keep("exact-letter.pdf", bytes(subject, PortfolioReportFormat.PDF, Paper.LETTER)));

        Parameters p = scored.run().profile().parameters();
        CandidateGenerator.Generated g = CandidateGenerator.generate(ctx.engine(), scored.run(), scored.costs(),
                p.ruralAccessDistanceM(), p.e2sfcaCatchmentM());
        generated = PortfolioPlanner.plan(scored.engine(), scored.run(), Candidates.of(ctx.data(), g.candidates(),
                scored.costs(), CandidateGenerator::origin), scored.costs(), 100_000, Objective.PRIORITY, g.notes());
        fromGaps = new PdfText(keep("generated-a4.pdf", bytes(new PortfolioReport.Subject(generated, scored.costs(),
                g.candidates().interventions().size() + " made from the clusters' gaps"), PortfolioReportFormat.PDF,
                Paper.A4)));
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void namesThePicksTheirCostsGainsAndStability() {
        assertThat(exact.method()).isEqualTo("exact (SCIP)");
        assertThat(exact.picks()).hasSizeGreaterThan(1);
        for (Portfolio.Pick k : exact.picks()) {
            String row = PdfText.fold(row(html, "data-pick=\"" + k.candidate().id() + "\""));
            contains(k.candidate().id(), row, k.candidate().id(), String.format(Locale.ROOT, "%,.0f",
                    k.candidate().cost()), Plain.decimal(k.gain(), 2), Plain.decimal(k.cumulativeGain(), 2),
                    Plain.percent(k.stability()), "entered");
            contains("the PDF", a4.text, k.candidate().id());
        }
        contains("the PDF", a4.text, "TOTAL COST " + Plain.money(exact.cost(), "USD") + " of "
                + Plain.money(150_000, "USD"), "Total, " + exact.picks().size() + " projects "
                + String.format(Locale.ROOT, "%,.0f", exact.cost()), Plain.decimal(exact.gain(), 2),
                "exact (SCIP)", "Proven gap 0", "OPTIMALITY optimal");
        assertThat(exact.cost()).isLessThanOrEqualTo(150_000);
    }

    @Test
    void statesTheAssumptionsAndTheRun() {
        for (CostProfile.Rate r : scored.costs().rates().values()) {
            contains("the rates", a4.text, r.source());
        }
        contains("the PDF", a4.text, "currency USD", "Maximise the priority gain", "Subject to: the chosen projects'"
                + " costs sum to at most the budget, 150,000 USD", scored.run().id(), "ODbL 1.0",
                "Clusters at the OSM villages of Pokhara", "synthetic", "Methodology and provenance");
        // every page numbered and naming the run
        for (int i = 0; i < a4.pages.size(); i++) {
            contains("page " + (i + 1), a4.pages.get(i), "Page " + (i + 1) + " of " + a4.pages.size(),
                    "run " + scored.run().id().substring(0, 8));
        }
    }

    @Test
    void showsEachChangedClusterBeforeAndAfter() {
        List<ClusterChange> changed = PortfolioChanges.of(exact);
        assertThat(changed).isNotEmpty();
        double fall = 0;
        for (ClusterChange c : changed) {
            String row = PdfText.fold(row(html, "data-cluster=\"" + c.id() + "\""));
            contains(c.id(), row, String.format(Locale.ROOT, "%.1f → %.1f", c.before().gap(), c.after().gap()));
            contains("the PDF", a4.text, c.id());
            fall += PortfolioChanges.fall(c, Objective.PRIORITY);
        }
        // the table breaks between rows: each cluster's id and its priority before → after on one page
        for (ClusterChange c : changed) {
            if (c.before().priority() == null || c.after().priority() == null) {
                continue;
            }
            int page = a4.pageOf(c.id());
            assertThat(page).as(c.id()).isPositive();
            contains(c.id() + "'s page", a4.pages.get(page - 1), String.format(Locale.ROOT, "%,.0f → %,.0f",
                    c.before().priority(), c.after().priority()));
        }
        // the table's clusters are every one the joint evaluation changes, their falls its priority gain
        assertThat(fall).isCloseTo(exact.evaluatedGain(), within(1e-6 * exact.evaluatedGain()));
        String csv = new String(bytes(new PortfolioReport.Subject(exact, scored.costs(), null),
                PortfolioReportFormat.CLUSTERS_CSV, Paper.A4), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", PortfolioChanges.CSV_HEADER));
        assertThat(lines).hasSize(changed.size() + 1);
        ClusterChange first = changed.get(0);
        assertThat(lines.get(1)).startsWith(first.id() + ",").contains("," + first.before().gap() + ","
                + first.after().gap() + ",");
        assertThat(new String(bytes(new PortfolioReport.Subject(exact, scored.costs(), null),
                PortfolioReportFormat.CSV, Paper.A4), StandardCharsets.UTF_8)).isEqualTo(PortfolioOutput.picksCsv(exact));
    }

    @Test
    void isOnePageSetInEmbeddedFontsOnEitherPaper() {
        assertThat(html).contains("<svg").contains("data:image/png;base64,").doesNotContain("src=\"http");
        assertThat(a4.sizes).allSatisfy(s -> {
            assertThat(s[0]).isCloseTo(595.28f, within(0.5f));
            assertThat(s[1]).isCloseTo(841.89f, within(0.5f));
        });
        assertThat(letter.sizes).allSatisfy(s -> {
            assertThat(s[0]).isCloseTo(612f, within(0.5f));
            assertThat(s[1]).isCloseTo(792f, within(0.5f));
        });
        assertThat(a4.fonts).isNotEmpty().allSatisfy(f -> {
            assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            assertThat(f.getName()).contains("DejaVu");
        });
        assertThat(letter.text).contains(exact.picks().get(0).candidate().id());
        // the curve, with the budget marked, is an SVG in the page (a vector in the PDF)
        assertThat(html).contains("class=\"curve-chart\"").contains(">budget 150,000 USD</text>");
    }

    @Test
    void aPortfolioMadeFromTheGapsSaysItsBoundIsLooser() {
        assertThat(generated.picks()).isNotEmpty();
        // its grid extensions make the MV distance known, each reaching every cluster: the bound is the relaxation's
        assertThat(generated.bound()).isNotNull().isGreaterThanOrEqualTo(generated.gain());
        String source = scored.costs().rates().get("mv_line_km").source();
        contains("the PDF", fromGaps.text, "OPTIMALITY within", "The best possible gain is at most", "looser",
                "made from the clusters' gaps", source);
        for (Portfolio.Pick k : generated.picks()) {
            contains("the PDF", fromGaps.text, k.candidate().id(), String.format(Locale.ROOT, "%,.0f",
                    k.candidate().cost()));
            assertThat(k.candidate().basis()).contains("mv_line_km");
        }
    }

    @Test
    void aBudgetThatBuysNothingSaysSo() throws Exception {
        Portfolio none = PortfolioPlanner.plan(scored.engine(), scored.run(), Candidates.of(scored.context().data(),
                projects(new Random(3), 4), scored.costs(), x -> "given"), scored.costs(), 1, Objective.PRIORITY,
                List.of());
        assertThat(none.picks()).isEmpty();
        PdfText t = new PdfText(bytes(new PortfolioReport.Subject(none, scored.costs(), null),
                PortfolioReportFormat.PDF, Paper.A4));
        contains("the PDF", t.text, "Nothing was chosen", "0 projects for 0 USD");
    }

    /** Banks, agents and 132 kV lines at random clusters with a gap, costs entered (as PortfolioPlannerTest's). */
    static Scenario projects(Random r, int n) {
        List<StoredFeature> withGap = new ArrayList<>();
        for (int c = 0; c < scored.context().data().clusters().size(); c++) {
            Double gap = scored.run().ranked().get(c).score().gap();
            if (gap != null && gap > 0) {
                withGap.add(scored.context().data().clusters().get(c));
            }
        }
        List<Intervention> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Point p = withGap.get(r.nextInt(withGap.size())).feature().geometry().getInteriorPoint();
            switch (j % 3) {
                case 0 -> out.add(new Intervention("bank-" + j, InterventionKind.FINANCE_POINT, null, p, null, null,
                        null, null, FinanceType.BANK, null, null, 30_000.0 + r.nextInt(70_000)));
                case 1 -> out.add(new Intervention("agent-" + j, InterventionKind.FINANCE_POINT, null, p, null, null,
                        null, null, FinanceType.MOBILE_MONEY_AGENT, null, null, 2_000.0 + r.nextInt(8_000)));
                default -> out.add(new Intervention("line-" + j, InterventionKind.NEW_POWER_LINE, null,
                        GF.createLineString(new Coordinate[] {p.getCoordinate(), new Coordinate(p.getX() + 0.02,
                                p.getY() + 0.01)}), null, null, null, 132, null, null, null,
                        20_000.0 + r.nextInt(30_000)));
            }
        }
        return new Scenario("candidates", null, out);
    }

    static byte[] bytes(PortfolioReport.Subject s, PortfolioReportFormat f, Paper paper) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.write(scored.context(), s, paper, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] keep(String name, byte[] pdf) throws Exception {
        Path out = Path.of("target", "portfolio-report");
        Files.createDirectories(out);
        Files.write(out.resolve(name), pdf);
        return pdf;
    }

    /** The table row of the HTML starting at the attribute, its markup stripped. */
    private static String row(String html, String attribute) {
        int at = html.indexOf(attribute);
        assertThat(at).as(attribute).isPositive();
        return html.substring(at, html.indexOf("</tr>", at)).replaceAll("<[^>]+>", " ").replace("&#39;", "'");
    }

    /** Each needle in the text, line breaks aside (a cell may wrap after a slash or a hyphen). */
    private static void contains(String what, String text, String... needles) {
        String squashed = text.replaceAll("\\s+", "");
        for (String n : needles) {
            assertThat(squashed).as(what + " holds '" + n + "'").contains(n.replaceAll("\\s+", ""));
        }
    }
}
