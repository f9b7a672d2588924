package org.clustergrid.report;

import java.util.Objects;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.scenario.CostProfile;

/**
 * The investment portfolio report: the projects a budget buys on a map, their costs and gains, the
 * cost-effectiveness curve with the budget on it, each affected cluster before and after, how close to optimal the
 * choice is and how firm each pick, and the assumptions (the cost profile with its sources, the objective exactly),
 * then the methodology and provenance every report ends with. The portfolio is chosen by the caller
 * ({@code PortfolioPlanner}) on the context's run; this lays it out.
 */
public final class PortfolioReport implements ReportBuilder<PortfolioReport.Subject> {
    public static final String KIND = "Investment portfolio";

    /**
     * A portfolio and what it was chosen from.
     *
     * @param costs the cost profile that priced the candidates (the portfolio's currency)
     * @param candidatesFrom the candidates in words, e.g. "the 14 interventions of scenario 'Banks'"; null when not
     *     said
     */
    public record Subject(Portfolio portfolio, CostProfile costs, String candidatesFrom) {
        public Subject {
            Objects.requireNonNull(portfolio, "portfolio");
            Objects.requireNonNull(costs, "costs");
        }
    }

    @Override
    public ReportDocument build(ReportContext context, Subject s) {
        Portfolio p = s.portfolio();
        String title = p.picks().size() + (p.picks().size() == 1 ? " project" : " projects") + " for "
                + Plain.money(p.cost(), p.currency()) + " of a " + Plain.money(p.budget(), p.currency()) + " budget";
        return new ReportDocument(KIND, title, PortfolioReportHtml.body(context, s), context.provenance());
    }
}
