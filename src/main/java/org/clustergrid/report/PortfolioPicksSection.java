package org.clustergrid.report;

import java.util.Locale;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;

/** The picks with their costs, gains and stability, then how the choice was found and how close to optimal it is. */
final class PortfolioPicksSection {
    private PortfolioPicksSection() {}

    static void write(Xhtml x, Portfolio p, double perturbation) {
        x.open("section", "class", "picks", "id", "picks").element("h2", "The picks, costs and gains");
        if (p.picks().isEmpty()) {
            x.element("p", "Nothing was chosen: no candidate with a gain fits within "
                    + Plain.money(p.budget(), p.currency()) + ".", "class", "reason");
        } else {
            table(x, p);
            x.element("p", "Gain: what the pick adds to the " + p.objective().id() + " gain of the picks before it"
                    + " (the order chosen). Stable: the share of the choices made again with the dimension weights"
                    + " perturbed (each × a uniform factor within ±" + Plain.percent(perturbation) + ", renormalised,"
                    + " seeded; as the ranking's stability perturbs them) that choose it too.", "class", "note");
        }
        optimality(x, p);
        x.close("section");
    }

    private static void table(Xhtml x, Portfolio p) {
        String c = p.currency();
        x.open("table", "class", "data picks").open("thead").open("tr");
        x.element("th", "#", "class", "num c-order").element("th", "Project", "class", "c-project")
                .element("th", "Cost (" + c + ")", "class", "num c-cost").element("th", "Priced by", "class", "c-basis")
                .element("th", "Gain", "class", "num c-gain").element("th", "Cumulative cost", "class", "num c-cum")
                .element("th", "Cumulative gain", "class", "num c-cumgain").element("th", "Stable", "class", "num c-stable");
        x.close("tr").close("thead").open("tbody");
        int n = 0;
        for (Portfolio.Pick k : p.picks()) {
            var cand = k.candidate();
            x.open("tr", "data-pick", cand.id()).element("td", Integer.toString(++n), "class", "num");
            x.open("td", "class", "project").element("span", cand.id(), "class", "pick-id");
            // a generated candidate's name only repeats its kind and cluster, which its id names already
            x.open("div", "class", "kind").text(kind(cand.intervention(), "given".equals(cand.origin())) + " · "
                    + cand.origin()).close("div");
            x.close("td");
            x.element("td", money(cand.cost()), "class", "num");
            x.element("td", cand.basis(), "class", "basis");
            x.element("td", Plain.decimal(k.gain(), 2), "class", "num");
            x.element("td", money(k.cumulativeCost()), "class", "num");
            x.element("td", Plain.decimal(k.cumulativeGain(), 2), "class", "num");
            x.element("td", Plain.percent(k.stability()), "class", "num");
            x.close("tr");
        }
        x.open("tr", "class", "total").element("td", "").element("td", "Total, " + p.picks().size()
                + (p.picks().size() == 1 ? " project" : " projects")).element("td", money(p.cost()), "class", "num")
                .element("td", "of a budget of " + Plain.money(p.budget(), c), "class", "basis")
                .element("td", Plain.decimal(p.gain(), 2), "class", "num").element("td", "").element("td", "")
                .element("td", "").close("tr");
        x.close("tbody").close("table");
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** The kind of project in words, with what sets it apart (voltage, type of point). */
    static String kind(org.clustergrid.scenario.Intervention i, boolean named) {
        return org.clustergrid.portfolio.AcceptedProjects.kind(i, named);
    }

    static String objectiveWords(Objective o) {
        return o == Objective.PRIORITY ? "lower priority (gap × size) summed over the clusters"
                : "close the gap summed over the clusters, every cluster alike";
    }

    /** Optimal, within a share of the best possible, or no bound. */
    static String optimalityHeadline(Portfolio p) {
        Double gap = p.optimalityGap();
        if (gap == null) {
            return "no bound";
        }
        return gap == 0 ? "optimal" : "within " + Plain.decimal(100 * gap, 1) + "%";
    }

    private static void optimality(Xhtml x, Portfolio p) {
        x.element("h3", "How the picks were found, and how close to optimal");
        String how = switch (p.method()) {
            case "every subset" -> "Every affordable subset of the " + p.candidates() + " candidates was weighed: the"
                    + " picks are optimal for the objective.";
            case "exact (SCIP)" -> "The objective written as a budgeted coverage programme was solved exactly by SCIP"
                    + " (Google OR-Tools) and proven optimal: no set of candidates within the budget gains more.";
            case "greedy" -> "The cost-effective greedy (best gain per unit cost, lazily re-evaluated), compared with"
                    + " the best affordable single project.";
            case "best single project" -> "The best affordable single project, which beat the cost-effective greedy.";
            default -> p.method().startsWith("SCIP") ? "SCIP (Google OR-Tools) stopped by its time limit; its best"
                    + " portfolio was taken as it beat the greedy's." : "Found by: " + p.method() + ".";
        };
        x.element("p", how);
        String bound;
        if (p.bound() == null) {
            bound = "No bound is given: some candidates make an indicator known that the data could not measure, so"
                    + " the objective may not be submodular and neither the greedy's bound nor the exact programme"
                    + " applies (see the warnings).";
        } else if (p.optimalityGap() == 0) {
            bound = "Proven gap 0: the bound on the best possible gain, " + Plain.decimal(p.bound(), 2)
                    + ", equals the picks' gain.";
        } else {
            bound = String.format(Locale.ROOT, "The best possible gain is at most %s, so the picks' %s is within"
                    + " %s%% of the best possible (the optimality gap, (bound − gain) / bound).",
                    Plain.decimal(p.bound(), 2), Plain.decimal(p.gain(), 2), Plain.decimal(100 * p.optimalityGap(), 1));
        }
        x.element("p", bound, "class", "bound");
        if (p.evaluatedGain() != null) {
            x.element("p", "Evaluated together as one scenario (interactions the model leaves out included), the"
                    + " picks give a " + p.objective().id() + " gain of " + Plain.decimal(p.evaluatedGain(), 2)
                    + " against " + Plain.decimal(p.gain(), 2) + " in the model.");
        }
    }
}
