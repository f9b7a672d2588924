package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.scenario.ScenarioEvaluation.ClusterChange;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * The portfolio report's own sections as XHTML: the choice in figures, the picks on a map, the picks with their costs,
 * gains and stability, the cost-effectiveness curve, how close to optimal, each cluster before and after, and the
 * assumptions.
 */
final class PortfolioReportHtml {
    private PortfolioReportHtml() {}

    static String body(ReportContext ctx, PortfolioReport.Subject s) {
        Portfolio p = s.portfolio();
        Xhtml x = new Xhtml();
        summary(x, p, s.candidatesFrom());
        warnings(x, p);
        map(x, ctx, p);
        PortfolioPicksSection.write(x, p, ctx.run().profile().parameters().stabilityPerturbation());
        curve(x, p);
        PortfolioChangesSection.write(x, p, ctx.run().profile(), ctx.data());
        PortfolioAssumptions.write(x, p, s.costs(), s.candidatesFrom());
        return x.toString();
    }

    private static void summary(Xhtml x, Portfolio p, String candidatesFrom) {
        x.open("section", "class", "identification").open("table", "class", "layout").open("tr");
        x.open("td", "class", "facts-cell").open("table", "class", "facts");
        fact(x, "Candidates", Plain.count(p.candidates()) + (candidatesFrom == null ? "" : ": " + candidatesFrom));
        fact(x, "Objective", p.objective().id() + " — " + PortfolioPicksSection.objectiveWords(p.objective()));
        fact(x, "Budget", Plain.money(p.budget(), p.currency()));
        fact(x, "Chosen", Plain.count(p.picks().size()) + (p.picks().size() == 1 ? " project" : " projects")
                + " for " + Plain.money(p.cost(), p.currency()) + " ("
                + Plain.percent(p.budget() > 0 ? p.cost() / p.budget() : 0) + " of the budget)");
        fact(x, "Found by", p.method());
        fact(x, "Gain", p.objective().id() + " gain " + Plain.decimal(p.gain(), 2) + " in the model"
                + (p.evaluatedGain() == null ? "" : "; " + Plain.decimal(p.evaluatedGain(), 2)
                        + " with the picks evaluated together"));
        x.close("table").close("td");
        x.open("td", "class", "headline-cell").open("div", "class", "headline");
        box(x, "Total cost", Plain.money(p.cost(), p.currency()), "of " + Plain.money(p.budget(), p.currency()));
        box(x, "Gain (" + p.objective().id() + ")", Plain.decimal(p.gain(), 2), p.evaluatedGain() == null
                ? "joint evaluation not known (see the warnings)"
                : Plain.decimal(p.evaluatedGain(), 2) + " evaluated together");
        box(x, "Optimality", PortfolioPicksSection.optimalityHeadline(p), p.bound() == null ? "no bound: see below"
                : "best possible at most " + Plain.decimal(p.bound(), 2));
        x.close("div").close("td").close("tr").close("table").close("section");
    }

    private static void fact(Xhtml x, String label, String value) {
        x.open("tr").element("th", label).element("td", value).close("tr");
    }

    private static void box(Xhtml x, String label, String value, String note) {
        x.open("div", "class", "box").element("div", label, "class", "label").element("div", value, "class", "value")
                .element("div", note, "class", "note").close("div");
    }

    private static void warnings(Xhtml x, Portfolio p) {
        if (p.warnings().isEmpty()) {
            return;
        }
        x.open("section", "class", "quality").element("h3", "Read with care").open("ul");
        p.warnings().forEach(w -> x.element("li", w));
        x.close("ul").close("section");
    }

    private static void map(Xhtml x, ReportContext ctx, Portfolio p) {
        x.open("section", "class", "portfolio-map").element("h2", "The chosen projects");
        Map<String, StoredFeature> roads = new HashMap<>();
        boolean upgrades = p.picks().stream().anyMatch(k -> !k.candidate().intervention().roadIds().isEmpty());
        if (upgrades) {
            ctx.data().roads().forEach(r -> roads.put(r.layerId(), r));
        }
        List<PortfolioMap.Pick> picks = new ArrayList<>();
        for (int k = 0; k < p.picks().size(); k++) {
            picks.add(PortfolioMap.place(k + 1, p.picks().get(k).candidate().intervention(), roads));
        }
        Map<String, Geometry> footprints = new HashMap<>();
        List<ClusterChange> changed = PortfolioChanges.of(p);
        if (!changed.isEmpty()) {
            ctx.data().clusters().forEach(c -> footprints.put(c.layerId(), c.feature().geometry()));
        }
        List<Geometry> changedFootprints = changed.stream().map(c -> footprints.get(c.id()))
                .filter(java.util.Objects::nonNull).toList();
        Provenance provenance = ctx.provenance();
        PortfolioMap.Drawn drawn = PortfolioMap.render(ctx.data(), picks, changedFootprints,
                id -> provenance.dataset(id).map(Provenance::attribution).orElse(null));
        if (drawn == null) {
            x.element("p", p.picks().isEmpty() ? "Nothing was chosen: no candidate fits the budget with a gain."
                    : "No map: none of the picks has a place in the data.", "class", "reason");
            x.close("section");
            return;
        }
        x.empty("img", "class", "map wide", "alt", "Map of the chosen projects, numbered in the order chosen",
                "src", "data:image/png;base64," + Base64.getEncoder().encodeToString(drawn.png()));
        StringBuilder caption = new StringBuilder(String.format(Locale.ROOT, "Each pick drawn as planned (dashed, in"
                + " its layer's colours) and numbered as in the table below; the clusters it changes outlined in"
                + " yellow, over the roads, grid, finance points, markets and clusters of the data. The map is %.1f km"
                + " across.", drawn.widthKm()));
        if (!drawn.leftOut().isEmpty()) {
            caption.append(" Left out at this scale: ").append(String.join(" and ", drawn.leftOut())).append('.');
        }
        if (!drawn.withoutPlace().isEmpty()) {
            caption.append(" Not on the map, their roads no longer in the data: ")
                    .append(String.join(", ", drawn.withoutPlace())).append('.');
        }
        x.element("div", caption.toString(), "class", "caption");
        x.close("section");
    }

    private static void curve(Xhtml x, Portfolio p) {
        x.open("section", "class", "curve").element("h2", "Cost-effectiveness curve");
        if (p.curve().isEmpty()) {
            x.element("p", "No candidate has a gain: there is no curve.", "class", "reason").close("section");
            return;
        }
        x.open("div", "class", "figure").markup(PortfolioCurveChart.svg(p)).close("div");
        Portfolio.Step last = p.curve().get(p.curve().size() - 1);
        x.element("p", "The gain a budget buys, read off for any budget: every candidate with a gain, best value for"
                + " money first (the greedy without a budget), with the cumulative cost and " + p.objective().id()
                + " gain — " + Plain.count(p.curve().size()) + " candidates, " + Plain.money(last.cumulativeCost(),
                p.currency()) + " for a gain of " + Plain.decimal(last.cumulativeGain(), 2) + " in all. The chosen"
                + " portfolio is marked at its cost and gain; an exact choice may lie above the curve.", "class",
                "caption");
        x.close("section");
    }
}
