package org.clustergrid.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.model.Cluster;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioEvaluation.ClusterChange;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringProfile;

/** The report's before-and-after table: each cluster the picks change, with the indicators that moved. */
final class PortfolioChangesSection {
    private PortfolioChangesSection() {}

    static void write(Xhtml x, Portfolio p, ScoringProfile profile, ScoringData data) {
        x.open("section", "class", "changes", "id", "before-after").element("h2", "Before and after, per cluster");
        if (p.evaluated() == null) {
            x.element("p", p.picks().isEmpty() ? "Nothing was chosen, so no cluster changes."
                    : "Not known: the picks could not be evaluated together as one scenario (see the warnings).",
                    "class", "reason");
            x.close("section");
            return;
        }
        ScenarioEvaluation.Summary s = p.evaluated().summary();
        List<ClusterChange> changed = PortfolioChanges.of(p);
        x.element("p", String.format(Locale.ROOT, "The picks evaluated together as one scenario change the standing"
                + " of %s clusters and lift %s to every target; priority gain %s, gap closed %s. In the clusters whose"
                + " gap falls: %s; %s. Each cell reads before → after; the clusters whose %s falls most come first.",
                Plain.count(changed.size()), Plain.count(s.liftedToTarget()), Plain.decimal(s.priorityGain(), 2),
                Plain.decimal(s.gapClosed(), 2), reached(changed, data, Cluster::firms, s.firmsReached(), "firms"),
                reached(changed, data, Cluster::employment, s.workersReached(), "workers"),
                p.objective() == Objective.PRIORITY ? "priority" : "gap"), "class", "intro");
        if (changed.isEmpty()) {
            x.close("section");
            return;
        }
        x.open("table", "class", "data changes").open("thead").open("tr");
        x.element("th", "Cluster", "class", "c-cluster").element("th", "Size", "class", "num c-size")
                .element("th", "Gap", "class", "num c-pair").element("th", "Priority", "class", "num c-pair")
                .element("th", "Rank", "class", "num c-rank");
        for (Dimension d : Dimension.values()) {
            x.element("th", Labels.dimension(d), "class", "num c-dim");
        }
        x.close("tr").close("thead").open("tbody");
        for (ClusterChange c : changed) {
            x.open("tr", "data-cluster", c.id()).open("td", "class", "cluster");
            x.element("span", c.id(), "class", "cluster-id");
            if (c.name() != null && !c.name().isBlank()) {
                x.text(" · " + c.name());
            }
            List<String> moved = PortfolioChanges.indicators(c, profile);
            if (!moved.isEmpty()) {
                x.open("div", "class", "moved").text(String.join(" · ", moved)).close("div");
            }
            String missing = PortfolioChanges.missing(c);
            if (missing != null) {
                x.open("div", "class", "reason").text("Unknown: " + missing).close("div");
            }
            x.close("td");
            x.element("td", c.size() == null ? "unknown" : Plain.count(c.size()), "class", "num");
            pair(x, c.before().gap(), c.after().gap(), 1);
            pair(x, c.before().priority(), c.after().priority(), 0);
            x.element("td", rank(c.before().rank()) + " → " + rank(c.after().rank()), "class", "num");
            for (Dimension d : Dimension.values()) {
                pair(x, c.before().dimensions().get(d), c.after().dimensions().get(d), 1);
            }
            x.close("tr");
        }
        x.close("tbody").close("table");
        x.element("p", "Gap, priority and dimension scores as the scoring computes them (0–100; priority = gap ×"
                + " size). Rank: the cluster's place by priority among all the run's clusters (1 = most in need)."
                + " “unknown” is a value the data cannot give, with the reason under the cluster; never 0.",
                "class", "note");
        x.close("section");
    }

    /**
     * Firms or workers in the clusters whose gap falls, as the evaluation sums them, saying how many of those
     * clusters do not report it: a sum over clusters that report nothing is not known, not 0.
     */
    static String reached(List<ClusterChange> changed, ScoringData data, Function<Cluster, Integer> field, long sum,
            String what) {
        Map<String, Cluster> byId = new HashMap<>();
        data.clusters().forEach(f -> {
            if (f.feature() instanceof Cluster c) {
                byId.put(f.layerId(), c);
            }
        });
        int falling = 0;
        int unknown = 0;
        for (ClusterChange c : changed) {
            if (c.before().gap() != null && c.after().gap() != null && c.after().gap() < c.before().gap()) {
                falling++;
                Cluster cluster = byId.get(c.id());
                if (cluster == null || field.apply(cluster) == null) {
                    unknown++;
                }
            }
        }
        if (falling > 0 && unknown == falling) {
            return what + " not known (none of them reports it)";
        }
        return Plain.count(sum) + " " + what + (unknown == 0 ? "" : " in the " + (falling - unknown) + " of "
                + falling + " that report it");
    }

    private static void pair(Xhtml x, Double before, Double after, int decimals) {
        x.element("td", number(before, decimals) + " → " + number(after, decimals), "class", "num pair");
    }

    private static String number(Double v, int decimals) {
        return v == null ? "unknown" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String rank(Integer r) {
        return r == null ? "unknown" : Plain.count(r);
    }
}
