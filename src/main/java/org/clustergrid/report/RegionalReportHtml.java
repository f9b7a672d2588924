package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.regions.Stats;

/**
 * The regional report's own sections as XHTML: the region in figures, the gaps by dimension, the maps and the
 * distribution chart; the sub-regions, ranking and coverage follow ({@link RegionalTables}).
 */
final class RegionalReportHtml {
    private RegionalReportHtml() {}

    static String body(RegionalContent c) {
        Xhtml x = new Xhtml();
        summary(x, c);
        dimensions(x, c);
        maps(x, c);
        chart(x, c);
        RegionalTables.subRegions(x, c);
        RegionalTables.ranking(x, c);
        RegionalTables.coverage(x, c);
        return x.toString();
    }

    private static void summary(Xhtml x, RegionalContent c) {
        RegionSummary s = c.summary();
        x.open("section", "class", "region-summary");
        x.open("table", "class", "facts region-facts");
        fact(x, "Region", c.request().scope().name());
        fact(x, "Chosen as", c.request().scope().definition());
        if (c.request().breakdown() != null) {
            fact(x, "Sub-regions", "the areas of layer " + c.request().breakdown().label() + " ("
                    + Plain.count(c.request().breakdown().areas().size()) + ")");
        }
        fact(x, "Clusters", Plain.count(s.clusters()) + " of the run's " + Plain.count(c.runClusters()));
        x.close("table");
        x.open("table", "class", "layout region-headline").open("tr");
        int notScored = s.clusters() - s.scored();
        box(x, "Clusters", Plain.count(s.clusters()), Plain.count(s.scored()) + " scored"
                + (notScored > 0 ? "; " + notScored + " not scored (too little known)" : ""), "clusters");
        box(x, "Firms", size(s.firms(), s.firmsKnown()), sizeNote(s.firmsKnown(), s.clusters()), "firms");
        box(x, "Employment", size(s.employment(), s.employmentKnown()), sizeNote(s.employmentKnown(), s.clusters()),
                "employment");
        Stats comp = s.composite();
        box(x, "Median connectivity score", comp == null ? "—" : Plain.score(comp.median()), comp == null
                ? "unknown: no cluster here has a score" : "of 100; quartiles " + Plain.score(comp.p25()) + "–"
                        + Plain.score(comp.p75()) + " over " + comp.n(), "composite");
        long byPriority = c.members().stream().filter(r -> r.rank() != null).count();
        box(x, "Ranked by priority", Plain.count(byPriority), c.coverage().sizeUnknown() > 0
                ? (byPriority > 0 ? c.coverage().sizeUnknown() + " more" : "all " + c.coverage().sizeUnknown())
                        + " by gap only (size unknown)" : "gap × size (employment, else firms)",
                "ranked");
        x.close("tr").close("table").close("section");
    }

    /** A sum of sizes, or "not known" when no cluster reports one. */
    private static String size(long sum, int known) {
        return known == 0 ? "not known" : Plain.count(sum);
    }

    private static String sizeNote(int known, int clusters) {
        return known == 0 ? "none of the " + clusters + " clusters reports it (unknown, not 0)"
                : known == clusters ? "reported by every cluster"
                : "reported by " + known + " of " + clusters + " clusters; the others are unknown";
    }

    private static void dimensions(Xhtml x, RegionalContent c) {
        x.open("section", "class", "region-dimensions").element("h2", "Gaps by dimension");
        x.open("table", "class", "data region-dimensions").open("thead").open("tr");
        x.element("th", "Dimension", "class", "c-dimension").element("th", "Scored", "class", "num c-scored")
                .element("th", "Short of target", "class", "num c-short")
                .element("th", "Median score (quartiles)", "class", "num c-median")
                .element("th", "Median gap", "class", "num c-gap").element("th", "Evidence known", "class",
                        "num c-known").element("th", "Largest gaps", "class", "c-worst");
        x.close("tr").close("thead").open("tbody");
        for (RegionalContent.DimensionFacts d : c.dimensions()) {
            x.open("tr", "data-dimension", d.dimension().id());
            x.element("td", Labels.dimension(d.dimension()));
            x.element("td", d.scored() + " of " + d.clusters(), "class", "num");
            num(x, d.gapShare() == null ? null : Plain.percent(d.gapShare()));
            Stats st = d.score();
            num(x, st == null ? null : Plain.score(st.median()) + " (" + Plain.score(st.p25()) + "–"
                    + Plain.score(st.p75()) + ")");
            num(x, d.medianGap() == null ? null : Plain.score(d.medianGap()));
            x.element("td", Plain.percent(d.meanKnown()), "class", "num");
            List<String> worst = new ArrayList<>();
            for (RegionalContent.Worst w : d.worst()) {
                worst.add(name(w.name(), w.id()) + " " + Plain.score(w.gap()) + " (score " + Plain.score(w.score())
                        + " of target " + Plain.score(w.target()) + ")");
            }
            x.element("td", worst.isEmpty() ? (d.scored() == 0 ? "unknown" : "none short of target")
                    : String.join("; ", worst), "class", "worst");
            x.close("tr");
        }
        x.close("tbody").close("table");
        x.element("p", "Short of target: the share of the clusters with the dimension's score that fall short of the"
                + " target for their typology and markets. Clusters without the score are left out of the share and the"
                + " medians and counted apart (Scored); evidence known is the mean share of the dimension's indicator"
                + " weight that could be measured.", "class", "note");
        x.close("section");
    }

    /** A figure right-aligned, or "unknown" set apart when there is none. */
    static void num(Xhtml x, String value) {
        x.element("td", value == null ? "unknown" : value, "class", value == null ? "num unknown" : "num");
    }

    static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static void maps(Xhtml x, RegionalContent c) {
        x.open("section", "class", "region-maps").element("h2", "Maps");
        x.open("table", "class", "layout").open("tr");
        map(x, c.compositeMap(), "Connectivity score: fixed classes of 20 points, as on the web map; the clusters of the region in each.", "left");
        map(x, c.priorityMap(), "Priority (gap × size): quintiles of the run's clusters; grey where the size or the"
                + " score is unknown.", "right");
        x.close("tr").close("table");
        x.element("p", String.format(Locale.ROOT, "Only the region's clusters are drawn (circles sized by employment,"
                + " footprints as areas), over the roads and the grid; the region is outlined in black%s. Each map is"
                + " %s km across.", c.request().breakdown() != null ? ", its sub-regions in grey" : "",
                Plain.decimal(c.compositeMap().widthKm(), 1)), "class", "note");
        x.close("section");
    }

    private static void map(Xhtml x, RegionMap.Drawn m, String caption, String side) {
        x.open("td", "class", "region-map-cell " + side).open("div", "class", "figure");
        x.element("h3", m.title());
        x.empty("img", "class", "map region-map", "alt", "Map of the region's clusters by " + m.title(), "src",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(m.png()));
        x.open("div", "class", "caption").text(caption).open("span", "class", "swatches");
        for (RegionMap.Key k : m.legend()) {
            x.open("span", "class", "swatch").element("span", "", "class", "dot", "style", "background:"
                    + k.colour()).text(" " + k.label()).close("span").text(" ");
        }
        x.close("span").close("div").close("div").close("td");
    }

    private static void chart(Xhtml x, RegionalContent c) {
        x.open("section", "class", "region-chart").element("h2", "Scores by dimension");
        x.markup(c.chart());
        x.element("p", "Each panel counts the region's clusters by score in bands of ten points, all panels on one"
                + " scale; beneath it the box spans the middle half of the scores, the red line is the median and the"
                + " whiskers reach the lowest and highest. Clusters without the score are not drawn and are counted"
                + " as unknown.", "class", "note");
        x.close("section");
    }

    private static void fact(Xhtml x, String label, String value) {
        x.open("tr").element("th", label).element("td", value).close("tr");
    }

    private static void box(Xhtml x, String label, String value, String note, String id) {
        x.open("td", "class", "headline").open("div", "class", "box", "id", "headline-" + id)
                .element("div", label, "class", "label").element("div", value, "class", "value")
                .element("div", note, "class", "note").close("div").close("td");
    }
}
