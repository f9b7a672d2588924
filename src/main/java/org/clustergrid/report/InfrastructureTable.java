package org.clustergrid.report;

import java.util.Locale;

/**
 * Infrastructure and access: one table of every dimension's indicators — value in plain units, the value that would
 * meet the typology's target, score and gap — with the feature behind each, or why it is unknown. A dimension is a
 * group of rows that the PDF keeps together where it can; the header repeats on every page.
 */
final class InfrastructureTable {
    private InfrastructureTable() {}

    static void write(Xhtml x, ClusterProfile p) {
        x.open("section", "class", "infrastructure").element("h2", "Infrastructure and access");
        x.element("p", "Each indicator's value, the value at which its score would reach this cluster's target for"
                + " its dimension (" + Labels.typology(p.identity().typology()) + ", markets served as registered),"
                + " its score 0–100 and its shortfall. Unknown is not zero: an indicator that could not be measured"
                + " says why and counts neither way.", "class", "intro");
        x.open("table", "class", "data indicators").open("thead").open("tr");
        x.element("th", "Indicator", "class", "c-indicator").element("th", "Value", "class", "num c-value")
                .element("th", "Target", "class", "num c-target").element("th", "Score", "class", "num c-score")
                .element("th", "Gap", "class", "num c-gap").element("th", "Evidence, or why unknown", "class", "c-ev");
        x.close("tr").close("thead");
        for (ClusterProfile.DimensionBlock b : p.dimensions()) {
            x.open("tbody", "class", "dimension", "data-dimension", b.dimension().id());
            x.open("tr", "class", "group").open("td", "colspan", "6");
            x.open("span", "class", "dot", "style", "background:" + Labels.colour(b.dimension())).close("span");
            x.element("strong", " " + Labels.dimension(b.dimension()));
            x.text(" — score " + (b.score() == null ? "not scored (too little known)" : Plain.score(b.score()))
                    + " · target " + Plain.score(b.target()) + " · gap " + Plain.score(b.gap()) + " · "
                    + Plain.percent(b.known()) + " of its evidence known · weight "
                    + Plain.percent(b.weight()));
            x.close("td").close("tr");
            for (IndicatorRow r : b.rows()) {
                row(x, r);
            }
            x.close("tbody");
        }
        x.close("table").close("section");
    }

    private static void row(Xhtml x, IndicatorRow r) {
        x.open("tr", "data-indicator", r.id(), "class", r.missing() != null ? "missing" : r.unreachable()
                ? "unreachable" : null);
        x.open("td").text(r.title());
        x.element("span", String.format(Locale.ROOT, " · weight %s", Plain.decimal(r.weight(), 2)), "class", "weight");
        x.close("td");
        x.element("td", r.valueText(), "class", "num value");
        x.element("td", r.targetText(), "class", "num target");
        x.element("td", r.missing() != null ? "—" : Plain.score(r.score()), "class", "num score");
        x.element("td", r.missing() != null ? "—" : Plain.score(r.gap()), "class", "num gap");
        x.open("td", "class", "evidence");
        if (r.missing() != null) {
            x.element("span", "Unknown (" + r.missing().reason().id().replace('_', ' ') + "): ", "class", "reason")
                    .text(r.missing().message());
        } else if (r.evidence() != null) {
            x.text(EvidenceText.of(r.evidence()));
        } else if (r.unreachable()) {
            x.text("Nothing of the kind can be reached over the road network: the lowest score.");
        }
        x.close("td").close("tr");
    }
}
