package org.clustergrid.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.clustergrid.app.PortfolioReportService;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.portfolio.PortfolioOutput;
import org.clustergrid.report.Paper;
import org.clustergrid.report.PortfolioReportFormat;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scenario.ScenarioReader;

/**
 * {@code clustergrid portfolio --budget AMOUNT (--candidates FILE.geojson | --generate) [...]}: the projects a budget
 * should buy first, with what each adds, the bound, and the picks evaluated together.
 */
public final class PortfolioCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar portfolio --budget AMOUNT (--candidates FILE.geojson | --generate) [options]
              --budget AMOUNT        what may be spent, in the cost profile's currency
              --candidates FILE      the candidate projects, one GeoJSON feature each, written as a scenario's
                                     interventions (docs/scenarios.md); at most 1,000
              --generate             also weigh candidates made from the clusters' gaps (grid extensions, branches,
                                     agents, road links: the kinds the cost profile has a rate for)
              --objective priority|gap   what to lower, summed over the clusters: priority (gap × size, the
                                     default) or the gap alone (for clusters without sizes)
              --costs FILE.yaml      the unit costs that price candidates without a cost (default: the setting
                                     clustergrid.scoring.costs, else gis-data/costs/default.yaml)
              --csv FILE             write the picks as CSV
              --curve FILE           write the cost-effectiveness curve (every candidate in order) as CSV
              --report FILE          write the portfolio report: FILE.pdf or FILE.html (docs/reports.md)
              --paper a4|letter      the report's paper (default a4)
              --clusters-csv FILE    write each cluster the picks change, before and after, as CSV
              --clustergrid.scoring.profile=FILE.yaml   another scoring profile; any server setting works
            See docs/portfolios.md.
            """;

    /** Parsed options. */
    public record Options(double budget, Path candidates, boolean generate, Objective objective, Path costs, Path csv,
            Path curve, Path report, PortfolioReportFormat reportFormat, Paper paper, Path clustersCsv) {

        /** Whether a report or its cluster table is asked for: the portfolio is then chosen on the report's run. */
        boolean reporting() {
            return report != null || clustersCsv != null;
        }
    }

    private PortfolioCommand() {}

    public static Options parse(String[] args) {
        Double budget = null;
        Path candidates = null;
        boolean generate = false;
        Objective objective = Objective.PRIORITY;
        Path costs = null;
        Path csv = null;
        Path curve = null;
        Path report = null;
        Paper paper = Paper.A4;
        Path clustersCsv = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--budget" -> budget = Args.number(Args.value(args, ++i, a), a);
                case "--candidates" -> candidates = Path.of(Args.value(args, ++i, a));
                case "--generate" -> generate = true;
                case "--objective" -> objective = Objective.of(Args.value(args, ++i, a));
                case "--costs" -> costs = Path.of(Args.value(args, ++i, a));
                case "--csv" -> csv = Path.of(Args.value(args, ++i, a));
                case "--curve" -> curve = Path.of(Args.value(args, ++i, a));
                case "--report" -> report = Path.of(Args.value(args, ++i, a));
                case "--paper" -> {
                    String v = Args.value(args, ++i, a);
                    paper = Paper.of(v).orElseThrow(() -> new IllegalArgumentException("--paper must be "
                            + Paper.names() + ", not '" + v + "'"));
                }
                case "--clusters-csv" -> clustersCsv = Path.of(Args.value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (budget == null || candidates == null && !generate) {
            throw new IllegalArgumentException("expected: portfolio --budget AMOUNT (--candidates FILE.geojson |"
                    + " --generate)");
        }
        return new Options(budget, candidates, generate, objective, costs, csv, curve, report,
                report == null ? null : reportFormat(report), paper, clustersCsv);
    }

    /** The report's format by its file's extension. */
    static PortfolioReportFormat reportFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return PortfolioReportFormat.PDF;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return PortfolioReportFormat.HTML;
        }
        throw new IllegalArgumentException("--report: '" + file + "' ends neither in .pdf nor in .html; the tables"
                + " come as CSV with --csv and --clusters-csv");
    }

    public static int run(ScenarioService scenarios, PortfolioReportService reports, Options o, PrintStream out,
            PrintStream err) {
        try {
            Scenario candidates = o.candidates() == null ? null : ScenarioReader.read(Files.readString(
                    o.candidates(), StandardCharsets.UTF_8), o.candidates().getFileName().toString()
                    .replaceFirst("\\.(geo)?json$", ""));
            CostProfile costs = o.costs() != null ? ScenarioService.loadCosts(o.costs().toString())
                    : scenarios.costs();
            long start = System.nanoTime();
            PortfolioReportService.Made made = null;
            Portfolio p;
            if (o.reporting()) {
                made = reports.make(new PortfolioReportService.Request(candidates, candidates == null ? null
                        : "file " + o.candidates().getFileName(), o.generate(), costs, o.budget(), o.objective()));
                p = made.subject().portfolio();
            } else {
                p = scenarios.portfolio(candidates, o.generate(), costs, o.budget(), o.objective());
            }
            double chosen = (System.nanoTime() - start) / 1e9;
            if (o.csv() != null) {
                Files.writeString(o.csv(), PortfolioOutput.picksCsv(p), StandardCharsets.UTF_8);
            }
            if (o.curve() != null) {
                Files.writeString(o.curve(), PortfolioOutput.curveCsv(p), StandardCharsets.UTF_8);
            }
            print(p, chosen, out);
            if (made != null) {
                writeReport(reports, made, o, out);
            }
            return 0;
        } catch (ScenarioException e) {
            err.println("error: " + e.getMessage().replace("; ", "\n  "));
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void writeReport(PortfolioReportService reports, PortfolioReportService.Made made, Options o,
            PrintStream out) throws IOException {
        if (o.report() != null) {
            long start = System.nanoTime();
            WholeFile.write(o.report(), os -> reports.write(made, o.reportFormat(), o.paper(), os));
            out.printf(Locale.ROOT, "Wrote the portfolio report to %s in %.2f s (run %s)%n", o.report(),
                    (System.nanoTime() - start) / 1e9, made.context().run().id());
        }
        if (o.clustersCsv() != null) {
            WholeFile.write(o.clustersCsv(), os -> reports.write(made, PortfolioReportFormat.CLUSTERS_CSV, o.paper(),
                    os));
            out.println("Wrote each changed cluster before and after to " + o.clustersCsv());
        }
    }

    private static void print(Portfolio p, double seconds, PrintStream out) {
        out.printf(Locale.ROOT, "Portfolio for %,.0f %s from %d candidates (%s, objective %s; %.1f s):%n", p.budget(),
                p.currency(), p.candidates(), p.method(), p.objective().id(), seconds);
        out.println("    cost      gain  cumulative cost  cumulative gain  stable  project");
        for (Portfolio.Pick x : p.picks()) {
            out.printf(Locale.ROOT, "%,10.0f %9.2f %16s %16.2f %6.0f%%  %s (%s)%n", x.candidate().cost(), x.gain(),
                    String.format(Locale.ROOT, "%,.0f", x.cumulativeCost()), x.cumulativeGain(), 100 * x.stability(),
                    x.candidate().id(), x.candidate().intervention().kind().id());
        }
        out.println("stable: the share of choices under weights perturbed as the ranking's stability does that pick"
                + " it too");
        out.printf(Locale.ROOT, "%d projects, %,.0f %s, %s gain %.2f", p.picks().size(), p.cost(), p.currency(),
                p.objective().id(), p.gain());
        out.println(p.bound() == null ? "; no bound (see the warnings)" : p.optimalityGap() == 0 ? " (optimal)"
                : String.format(Locale.ROOT, "; the best possible is at most %.2f (within %.1f%%)", p.bound(),
                        100 * p.optimalityGap()));
        if (p.evaluatedGain() != null) {
            out.printf(Locale.ROOT, "evaluated together as one scenario: %s gain %.2f, %d clusters lifted to every"
                    + " target%n", p.objective().id(), p.evaluatedGain(), p.evaluated().summary().liftedToTarget());
        }
        p.warnings().forEach(w -> out.println("warning: " + w));
    }
}
