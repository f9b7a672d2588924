package org.clustergrid.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.scenario.CostProfile;

/**
 * What the choice assumes, stated so it can be checked: the objective exactly (what is summed, over which clusters,
 * under which constraint, and what it leaves out), and the cost profile — its currency and every rate with its
 * source, marking the rates that priced a pick.
 */
final class PortfolioAssumptions {
    private PortfolioAssumptions() {}

    static void write(Xhtml x, Portfolio p, CostProfile costs, String candidatesFrom) {
        x.open("section", "class", "assumptions").element("h2", "Assumptions");
        x.element("h3", "The objective, exactly");
        x.open("p", "class", "objective");
        if (p.objective() == Objective.PRIORITY) {
            x.text("Maximise the priority gain: the sum, over the clusters with a priority both before and after, of"
                    + " (priority before − priority after), where a cluster's priority is its gap × its size"
                    + " (employment, else firms). A cluster of unknown size counts for nothing.");
        } else {
            x.text("Maximise the gap closed: the sum, over the clusters with a gap both before and after, of (gap"
                    + " before − gap after), every cluster alike whatever its size.");
        }
        x.close("p");
        x.element("p", "A cluster's gap is how far its dimension scores fall short of its typology's targets, weighted"
                + " by the dimension weights of the run. Under a set of projects each cluster takes, for each"
                + " indicator, the best result any one chosen project gives it alone (the higher score; a known"
                + " value over an unknown one), else its own, and is then scored exactly as the scoring does.");
        x.element("p", "Subject to: the chosen projects' costs sum to at most the budget, "
                + Plain.money(p.budget(), p.currency()) + ".");
        x.element("p", "Projects serving a cluster through different indicators add up; projects improving the same"
                + " indicator of the same cluster do not (the nearer of two branches counts). What a set does together"
                + " beyond this — two upgrades along one route, two new branches sharing a catchment — is not in the"
                + " objective; the picks are therefore also evaluated together as one scenario, and the before and"
                + " after per cluster above is that evaluation. Each pick's gain is what it adds to the picks before"
                + " it.", "class", "note");
        if (candidatesFrom != null) {
            x.element("p", "Candidates: " + candidatesFrom + ".", "class", "note");
        }
        costProfile(x, p, costs);
        x.close("section");
    }

    private static void costProfile(Xhtml x, Portfolio p, CostProfile costs) {
        // a few rates: kept on one page with their heading rather than a row or two carried over
        x.open("div", "class", "cost-profile");
        writeCostProfile(x, p, costs);
        x.close("div");
    }

    private static void writeCostProfile(Xhtml x, Portfolio p, CostProfile costs) {
        x.element("h3", "Cost profile “" + costs.name() + "” · currency " + costs.currency());
        Set<String> used = new HashSet<>();
        for (Portfolio.Pick pick : p.picks()) {
            if (!"entered".equals(pick.candidate().basis())) {
                used.add(CostProfile.rateKey(pick.candidate().intervention()));
            }
        }
        if (costs.rates().isEmpty()) {
            x.element("p", "The profile has no rates: every candidate carried its own cost.", "class", "note");
            return;
        }
        x.open("table", "class", "data rates").open("thead").open("tr");
        x.element("th", "Rate", "class", "c-rate").element("th", "Value", "class", "num c-value")
                .element("th", "Per", "class", "c-per").element("th", "Source", "class", "c-source")
                .element("th", "Prices a pick", "class", "c-used");
        x.close("tr").close("thead").open("tbody");
        for (Map.Entry<String, CostProfile.Rate> e : costs.rates().entrySet()) {
            CostProfile.Rate r = e.getValue();
            x.open("tr", "data-rate", e.getKey()).element("td", e.getKey(), "class", "rate-key")
                    .element("td", Plain.money(r.value(), costs.currency()), "class", "num")
                    .element("td", r.unit().equals("km") ? "km" : "each")
                    .element("td", r.source(), "class", "source")
                    .element("td", used.contains(e.getKey()) ? "yes" : "—").close("tr");
        }
        x.close("tbody").close("table");
        x.element("p", "Kinds without a rate here were priced only where the candidate carried its own cost (its"
                + " basis reads “entered”); candidates made from the gaps are made only of kinds with a rate."
                + " Amounts in " + costs.currency().toUpperCase(Locale.ROOT) + ", as the profile gives them.",
                "class", "note");
    }
}
