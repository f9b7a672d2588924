package org.clustergrid.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.report.Paper;
import org.clustergrid.report.PortfolioReport;
import org.clustergrid.report.PortfolioReportFormat;
import org.clustergrid.report.ReportContext;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Scenario;
import org.springframework.stereotype.Service;

/**
 * Portfolio reports: the portfolio chosen as {@code POST /api/portfolios} chooses it, on the run the report context
 * reads (the profile's current run), then laid out. See docs/reports.md.
 */
@Service
public class PortfolioReportService {
    private final ReportService reports;
    private final ScenarioService scenarios;

    public PortfolioReportService(ReportService reports, ScenarioService scenarios) {
        this.reports = reports;
        this.scenarios = scenarios;
    }

    /**
     * What to choose from and how.
     *
     * @param given the candidates given (a stored scenario's or an uploaded GeoJSON's interventions); null for none
     * @param givenFrom what {@code given} is, in words (e.g. "scenario 'Branches'"); null with {@code given} null
     * @param costs the unit costs pricing candidates without a cost
     */
    public record Request(Scenario given, String givenFrom, boolean generate, CostProfile costs, double budget,
            Objective objective) {}

    /** The report's run and its subject: the portfolio chosen on that very run. */
    public record Made(ReportContext context, PortfolioReport.Subject subject) {}

    /**
     * Chooses the portfolio on the current run; should the data change meanwhile (an import), once more on the new.
     *
     * @throws org.clustergrid.scenario.ScenarioException for a budget, candidate or objective refused
     */
    public Made make(Request r) {
        for (int attempt = 0; ; attempt++) {
            ReportContext ctx = reports.context();
            Portfolio p = scenarios.portfolio(r.given(), r.generate(), r.costs(), r.budget(), r.objective());
            if (reports.context().run() == ctx.run()) {
                return new Made(ctx, new PortfolioReport.Subject(p, r.costs(), candidatesFrom(r, p)));
            }
            if (attempt > 0) {
                throw new IllegalStateException("the data changed twice while the portfolio was chosen; ask again");
            }
        }
    }

    public void write(Made made, PortfolioReportFormat format, Paper paper, OutputStream out) throws IOException {
        format.write(made.context(), made.subject(), paper, out);
    }

    public byte[] bytes(Request r, PortfolioReportFormat format, Paper paper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(make(r), format, paper, out);
        return out.toByteArray();
    }

    /** The candidates in words: how many were given, from where, and how many made from the gaps. */
    static String candidatesFrom(Request r, Portfolio p) {
        int given = r.given() == null ? 0 : r.given().interventions().size();
        String from = r.given() == null ? null : "the " + given + (given == 1 ? " intervention of " : " interventions of ")
                + r.givenFrom();
        if (!r.generate()) {
            return from;
        }
        int made = p.candidates() - given;
        String gaps = made + " made from the clusters' gaps (of the kinds cost profile '" + r.costs().name()
                + "' has a rate for)";
        return from == null ? gaps : from + ", and " + gaps;
    }
}
