package org.clustergrid.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.portfolio.CandidateGenerator;
import org.clustergrid.portfolio.Candidates;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.portfolio.PortfolioPlanner;
import org.clustergrid.report.AdminAreas;
import org.clustergrid.report.Paper;
import org.clustergrid.report.PortfolioReport;
import org.clustergrid.report.PortfolioReportFormat;
import org.clustergrid.report.ProfileSources;
import org.clustergrid.report.ReportContext;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scoring.Parameters;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.DefaultProfile;

/**
 * The portfolio report's time on top of the portfolio's, on the scaled region of {@link PortfolioBench}: the
 * portfolio of the first N candidates made from the gaps chosen once (timed), then its report laid out R times in
 * each form (HTML, PDF, the two CSVs) after two warm-up reports; prints min / median / max and the PDF's size.
 * Arguments: shared gis folder, tilesX, tilesY, clusters, candidates, budget, reports[, a folder to leave the PDF in].
 */
public final class PortfolioReportBench {
    private PortfolioReportBench() {}

    public static void main(String[] args) throws Exception {
        ScoringData data = ScaledRegion.scoringData(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        int n = Integer.parseInt(args[4]);
        double budget = Double.parseDouble(args[5]);
        int reports = Integer.parseInt(args[6]);
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        ScoringRun before = ScoringRun.run(engine, profile.dimensionWeights());
        CostProfile costs = new CostProfile("bench", "USD", Map.of(
                "mv_line_km", new CostProfile.Rate(7000, "km", "OnSSET default mv_line_cost"),
                "finance_bank", new CostProfile.Rate(150_000, "each", "a stated test rate"),
                "finance_mobile_money_agent", new CostProfile.Rate(3_000, "each", "a stated test rate")));
        Parameters p = profile.parameters();
        long s = System.nanoTime();
        CandidateGenerator.Generated g = CandidateGenerator.generate(engine, before, costs, p.ruralAccessDistanceM(),
                p.e2sfcaCatchmentM());
        List<org.clustergrid.scenario.Intervention> first = g.candidates().interventions().subList(0,
                Math.min(n, g.candidates().interventions().size()));
        List<Candidates.Applied> cs = Candidates.of(data, new Scenario("bench", null, first), costs,
                CandidateGenerator::origin);
        Portfolio portfolio = PortfolioPlanner.plan(engine, before, cs, costs, budget, Objective.PRIORITY, g.notes());
        double chosen = (System.nanoTime() - s) / 1e9;
        System.out.printf(Locale.ROOT, "%d clusters; portfolio of %d candidates made, priced and chosen in %.1f s: %d"
                + " picks for %,.0f USD by %s%n", data.clusters().size(), cs.size(), chosen, portfolio.picks().size(),
                portfolio.cost(), portfolio.method());
        ReportContext ctx = new ReportContext(before, engine, ProfileSources.of(profile,
                Files.readAllBytes(DefaultProfile.FILE)), List.of(), List.of(), AdminAreas.none(), costs);
        PortfolioReport.Subject subject = new PortfolioReport.Subject(portfolio, costs, cs.size()
                + " made from the clusters' gaps");
        for (int w = 0; w < 2; w++) {
            write(ctx, subject, PortfolioReportFormat.PDF);
        }
        if (args.length > 7) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(1 << 20);
            PortfolioReportFormat.PDF.write(ctx, subject, Paper.A4, pdf);
            Files.createDirectories(Path.of(args[7]));
            Files.write(Path.of(args[7], "portfolio-report-bench.pdf"), pdf.toByteArray());
        }
        for (PortfolioReportFormat f : PortfolioReportFormat.values()) {
            double[] t = new double[reports];
            int size = 0;
            for (int r = 0; r < reports; r++) {
                long start = System.nanoTime();
                size = write(ctx, subject, f);
                t[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "%-13s %.2f / %.2f / %.2f s (min / median / max of %d), %,d bytes%n",
                    f.id(), t[0], t[t.length / 2], t[t.length - 1], reports, size);
        }
    }

    private static int write(ReportContext ctx, PortfolioReport.Subject subject, PortfolioReportFormat f)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        f.write(ctx, subject, Paper.A4, out);
        return out.size();
    }
}
