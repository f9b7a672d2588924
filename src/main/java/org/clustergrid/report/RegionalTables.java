package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.ScoringRun;

/**
 * The regional report's tables: the sub-regions, the priority ranking and the data coverage, each breaking between
 * rows with its header repeated. An unknown figure reads "unknown" (or names its reason), never 0.
 */
final class RegionalTables {
    private RegionalTables() {}

    static void subRegions(Xhtml x, RegionalContent c) {
        if (c.request().breakdown() == null) {
            return;
        }
        x.open("section", "class", "region-subregions").element("h2", "By sub-region: "
                + c.request().breakdown().label());
        x.open("table", "class", "data subregions").open("thead").open("tr");
        x.element("th", "Area", "rowspan", "2").element("th", "Clusters", "class", "num", "rowspan", "2")
                .element("th", "Median score", "class", "num", "rowspan", "2")
                .element("th", "Short of target", "class", "group", "colspan", "4")
                .element("th", "Top priority", "rowspan", "2").close("tr").open("tr");
        for (Dimension d : Dimension.values()) {
            x.element("th", Labels.dimension(d), "class", "num");
        }
        x.close("tr").close("thead").open("tbody");
        for (RegionSummary r : c.subRegions()) {
            x.open("tr", "data-fid", Long.toString(r.fid()));
            x.element("td", r.name() == null ? "area " + r.fid() : r.name());
            x.element("td", r.clusters() + (r.clusters() > 0 ? " (" + r.scored() + " scored)" : ""), "class", "num");
            if (r.clusters() == 0) {
                x.element("td", "no cluster", "class", "num");
            } else {
                RegionalReportHtml.num(x, r.composite() == null ? null : Plain.score(r.composite().median()));
            }
            for (Dimension d : Dimension.values()) {
                Double share = r.gapShare().get(d);
                x.element("td", share == null ? "—" : Plain.percent(share), "class", "num");
            }
            x.element("td", top(c, r));
            x.close("tr");
        }
        x.close("tbody").close("table");
        x.element("p", (c.outsideSubRegions() > 0 ? c.outsideSubRegions() + " of the region's clusters lie in no"
                + " area of the layer. " : "") + "A dash: no cluster of the area has that dimension's score (unknown,"
                + " not 0). Most need first: the lowest median score on top, areas without one last. Top priority: the area's"
                + " first cluster in the ranking below.", "class", "note");
        x.close("section");
    }

    private static String top(RegionalContent c, RegionSummary r) {
        if (r.top().isEmpty()) {
            return r.clusters() == 0 ? "—" : "none scored";
        }
        ScoringRun.Ranked t = c.byId().get(r.top().get(0).id());
        return RegionalReportHtml.name(t.score().name(), t.score().id()) + " (" + standing(t) + ")";
    }

    /** Where a cluster stands in the run: its priority rank, else its rank by gap. */
    static String standing(ScoringRun.Ranked r) {
        return r.rank() != null ? "rank " + r.rank() : r.gapRank() != null ? "by gap " + r.gapRank() : "not ranked";
    }

    static void ranking(Xhtml x, RegionalContent c) {
        int scored = c.summary().scored();
        x.open("section", "class", "region-ranking").element("h2", "Priority ranking"
                + (c.top().size() < scored ? ": the first " + c.top().size() + " of " + scored : ""));
        if (c.top().isEmpty()) {
            x.element("p", "No cluster of the region has a connectivity score, so none is ranked; see the data"
                    + " coverage below.", "class", "note");
            x.close("section");
            return;
        }
        x.open("table", "class", "data ranking").open("thead").open("tr");
        x.element("th", "#", "class", "num c-n", "rowspan", "2").element("th", "Cluster", "class", "c-cluster",
                "rowspan", "2").element("th", "Size", "class", "num c-small", "rowspan", "2")
                .element("th", "Score", "class", "num c-small", "rowspan", "2")
                .element("th", "Gap by dimension", "class", "gap-group", "colspan", "4")
                .element("th", "Overall gap", "class", "num c-small", "rowspan", "2")
                .element("th", "Priority", "class", "num c-priority", "rowspan", "2")
                .element("th", "In the run", "class", "num c-run", "rowspan", "2").close("tr").open("tr");
        for (Dimension d : Dimension.values()) {
            x.element("th", Labels.dimension(d), "class", "num c-gap");
        }
        x.close("tr").close("thead").open("tbody");
        int n = 0;
        for (ScoringRun.Ranked r : c.top()) {
            ClusterScore s = r.score();
            x.open("tr", "data-cluster", s.id()).element("td", Integer.toString(++n), "class", "num");
            x.open("td").text(s.name() == null || s.name().isBlank() ? "unnamed" : s.name()).markup("<br/>")
                    .element("span", s.id(), "class", "cluster-id").close("td");
            RegionalReportHtml.num(x, s.size() == null ? null : Plain.count(s.size()));
            x.element("td", Plain.score(s.composite()), "class", "num");
            for (Dimension d : Dimension.values()) {
                Double g = s.gaps().get(d);
                RegionalReportHtml.num(x, g == null ? null : Plain.score(g));
            }
            x.element("td", Plain.score(s.gap()), "class", "num");
            RegionalReportHtml.num(x, s.priority() == null ? null : Plain.count(Math.round(s.priority())));
            x.element("td", standing(r), "class", "num");
            x.close("tr");
        }
        x.close("tbody").close("table");
        x.element("p", "Ordered as the run ranks them: by priority (gap × size: employment, else firms), then the"
                + " clusters of unknown size by gap alone. A gap is how far a dimension's score falls short of the"
                + " cluster's target; \"unknown\" where the dimension could not be scored. The full list of the"
                + " region's " + c.members().size() + " clusters with every indicator is the CSV of this report"
                + " (f=csv), row for row as /api/scores?f=csv gives them for this run.", "class", "note");
        x.close("section");
    }

    static void coverage(Xhtml x, RegionalContent c) {
        RegionalContent.Coverage cov = c.coverage();
        x.open("section", "class", "region-coverage").element("h2", "Data coverage and completeness");
        x.element("p", "On average " + Plain.percent(cov.meanKnown()) + " of the evidence is known per cluster; "
                + c.summary().scored() + " of " + c.members().size() + " clusters have a connectivity score"
                + (cov.sizeUnknown() > 0 ? ", " + cov.sizeUnknown() + " of them without a known size" : "")
                + ". An indicator that could not be measured is unknown with its reason — it is never counted as 0;"
                + " \"none reachable\" is a measurement (the lowest score).");
        x.open("table", "class", "data region-indicators").open("thead").open("tr");
        x.element("th", "Indicator", "class", "c-indicator").element("th", "Measured", "class", "num")
                .element("th", "None reachable", "class", "num").element("th", "Unknown", "class", "num")
                .element("th", "Why unknown (clusters)", "class", "c-why");
        x.close("tr").close("thead");
        for (Dimension d : Dimension.values()) {
            x.open("tbody").open("tr", "class", "group").element("td", Labels.dimension(d), "colspan", "5")
                    .close("tr");
            for (RegionalContent.IndicatorCoverage i : cov.indicators()) {
                if (i.dimension() == d) {
                    x.open("tr").element("td", i.title()).element("td", Integer.toString(i.measured()), "class", "num")
                            .element("td", Integer.toString(i.unreachable()), "class", "num")
                            .element("td", Integer.toString(i.unknownTotal()), "class", "num")
                            .element("td", reasons(i.unknown()), "class", "reason").close("tr");
                }
            }
            x.close("tbody");
        }
        x.close("table");
        notScored(x, cov.notScored());
        x.close("section");
    }

    private static String reasons(Map<Missing.Reason, Integer> unknown) {
        List<String> parts = new ArrayList<>();
        unknown.forEach((reason, n) -> parts.add(reason.id().replace('_', ' ') + ": " + n));
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }

    private static void notScored(Xhtml x, List<ScoringRun.Ranked> notScored) {
        x.element("h3", "Clusters not scored (" + notScored.size() + ")");
        if (notScored.isEmpty()) {
            x.element("p", "Every cluster of the region has a connectivity score.", "class", "note");
            return;
        }
        x.open("table", "class", "data not-scored").open("thead").open("tr");
        x.element("th", "Cluster", "class", "c-cluster").element("th", "Evidence known", "class", "num")
                .element("th", "Dimensions not scored", "class", "c-dims").element("th", "Why", "class", "c-why");
        x.close("tr").close("thead").open("tbody");
        for (ScoringRun.Ranked r : notScored) {
            ClusterScore s = r.score();
            List<String> missing = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                if (s.dimensions().get(d) == null) {
                    missing.add(Labels.dimension(d));
                }
            }
            x.open("tr", "data-cluster", s.id()).open("td")
                    .text(s.name() == null || s.name().isBlank() ? "unnamed" : s.name()).markup("<br/>")
                    .element("span", s.id(), "class", "cluster-id").close("td");
            x.element("td", Plain.percent(s.known()), "class", "num")
                    .element("td", missing.isEmpty() ? "—" : String.join(", ", missing))
                    .element("td", r.unranked(), "class", "reason").close("tr");
        }
        x.close("tbody").close("table");
    }
}
