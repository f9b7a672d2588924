package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.MarketScope;
import org.clustergrid.scoring.QualityFlag;
import org.clustergrid.scoring.ScoringRun;

/** The cluster profile's own sections as XHTML: identification, map and chart, infrastructure, intervention. */
final class ClusterProfileHtml {
    private ClusterProfileHtml() {}

    static String body(ClusterProfile p, List<org.clustergrid.register.interventions.Intervention> grid) {
        Xhtml x = new Xhtml();
        identification(x, p);
        mapAndChart(x, p);
        flags(x, p.ranked().score().flags());
        InfrastructureTable.write(x, p);
        InterventionSection.write(x, p, grid);
        return x.toString();
    }

    private static void identification(Xhtml x, ClusterProfile p) {
        ClusterProfile.Identity id = p.identity();
        x.open("section", "class", "identification").open("table", "class", "layout").open("tr");
        x.open("td", "class", "facts-cell").open("table", "class", "facts");
        fact(x, "Cluster Grid ID", id.id(), "cluster-id");
        fact(x, "Name", orUnknown(id.name()), null);
        fact(x, "Sector", orUnknown(id.sector()), null);
        fact(x, "Products", orUnknown(id.products()), null);
        fact(x, "Typology", Labels.typology(id.typology()), null);
        fact(x, "Firms", id.firms() == null ? "not known" : Plain.count(id.firms()), null);
        fact(x, "Employment", id.employment() == null ? "not known" : Plain.count(id.employment()), null);
        fact(x, "Markets served", markets(id), null);
        fact(x, "Location", String.format(Locale.ROOT, "%.5f° N, %.5f° E", id.lat(), id.lon())
                + (id.nearestPlace() == null ? "" : "; " + id.nearestPlace()), null);
        fact(x, "Administrative area", id.areas().isEmpty() ? "not known (no layer of areas covers it)"
                : String.join("; ", id.areas()), null);
        fact(x, "Register source", orUnknown(id.source()), null);
        fact(x, "Data sources", sources(id), null);
        x.close("table").close("td");
        x.open("td", "class", "headline-cell");
        Headline.write(x, p);
        x.close("td").close("tr").close("table");
        IdentificationGrid.write(x, id.grid());
        x.close("section");
    }

    private static String markets(ClusterProfile.Identity id) {
        if (id.markets().isEmpty()) {
            return "not known";
        }
        List<String> m = new ArrayList<>();
        for (MarketScope s : MarketScope.values()) {
            if (id.markets().contains(s)) {
                m.add(Labels.market(s));
            }
        }
        return String.join(", ", m);
    }

    /** The cluster's own data set, then those of the features behind its indicators, each with its import date. */
    private static String sources(ClusterProfile.Identity id) {
        List<String> parts = new ArrayList<>();
        if (id.dataset() != null) {
            parts.add("register: " + dataset(id.dataset()));
        }
        for (Dataset d : id.evidenceDatasets()) {
            if (id.dataset() == null || !d.id().equals(id.dataset().id())) {
                parts.add(dataset(d));
            } else {
                parts.set(0, parts.get(0) + " (also the evidence)");
            }
        }
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }

    private static String dataset(Dataset d) {
        return d.id() + ", " + (d.licence() == null || d.licence().isBlank() ? "licence not given" : d.licence())
                + ", imported " + ProvenanceSection.time(d.importedAt()).substring(0, 10);
    }

    private static void mapAndChart(Xhtml x, ClusterProfile p) {
        x.open("section", "class", "map-chart").open("table", "class", "layout").open("tr");
        x.open("td", "class", "map-cell").open("div", "class", "figure");
        x.empty("img", "class", "map", "alt", "Map of the cluster and the evidence of its scores", "src",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(p.map().png()));
        x.open("div", "class", "caption");
        x.text(String.format(Locale.ROOT, "The cluster (star, outline) and the nearest feature behind each distance or"
                + " travel time, dashed in its dimension's colour. The map is %.1f km across.", p.map().widthKm()));
        x.open("span", "class", "swatches");
        for (var d : org.clustergrid.scoring.Dimension.values()) {
            x.open("span", "class", "swatch").element("span", "", "class", "dot", "style", "background:"
                    + Labels.colour(d)).text(" " + Labels.dimension(d)).close("span");
        }
        x.close("span");
        if (!p.map().offMap().isEmpty()) {
            List<String> far = new ArrayList<>();
            for (ClusterMap.EvidenceRef r : p.map().offMap()) {
                far.add(r.indicator() + ": " + EvidenceText.of(r.evidence()));
            }
            x.markup("<br/>").text("Beyond the map: " + String.join("; ", far) + ".");
        }
        x.close("div").close("div").close("td");
        x.open("td", "class", "chart-cell").open("div", "class", "figure");
        x.element("h3", "Scores against peers");
        x.markup(ScoreChart.svg(p.peers(), p.ranked().score().targets()));
        x.element("div", "Peers: " + p.peers().group() + " (" + p.peers().peers() + ", this one included). P is the"
                + " percentile: the share of peers scoring no more than this cluster.", "class", "caption");
        x.close("div").close("td").close("tr").close("table").close("section");
    }

    private static void flags(Xhtml x, List<QualityFlag> flags) {
        if (flags.isEmpty()) {
            return;
        }
        x.open("section", "class", "quality").element("h3", "What to know about the data here");
        x.open("ul");
        for (QualityFlag f : flags) {
            x.open("li", "data-flag", f.code()).element("strong", f.message()).text(" — " + f.effect()).close("li");
        }
        x.close("ul").close("section");
    }

    private static void fact(Xhtml x, String label, String value, String cls) {
        x.open("tr").element("th", label).element("td", value, "class", cls).close("tr");
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "not known" : s;
    }

    /** The headline figures: score, gap, priority, rank and its stability. */
    private static final class Headline {
        static void write(Xhtml x, ClusterProfile p) {
            ScoringRun.Ranked r = p.ranked();
            var s = r.score();
            x.open("div", "class", "headline");
            box(x, "Connectivity score", Plain.score(s.composite()), "of 100; " + Plain.percent(s.known())
                    + " of the evidence known", "composite");
            box(x, "Overall gap", Plain.score(s.gap()), "weighted shortfall from the targets", "gap");
            box(x, "Priority", s.priority() == null ? "—" : Plain.count(Math.round(s.priority())),
                    "gap × size (employment, else firms)", "priority");
            String rank = r.rank() != null ? r.rank() + " of " + p.standing().byPriority()
                    : r.gapRank() != null ? "by gap " + r.gapRank() + " of " + p.standing().byGap() : "not ranked";
            box(x, "Priority rank", rank, r.unranked() != null ? r.unranked() : "1 = most in need of investment",
                    "rank");
            box(x, "Rank stability", r.stability() == null ? "—" : Plain.percent(r.stability()), stability(p),
                    "stability");
            x.close("div");
        }

        private static String stability(ClusterProfile p) {
            var params = p.provenance().profile().parameters();
            if (p.ranked().stability() == null) {
                return "no priority rank to test";
            }
            int band = params.stabilityBand();
            int rank = p.ranked().rank();
            int from = (rank - 1) / band * band + 1;
            return String.format(Locale.ROOT, "of %d draws with every weight ±%.0f%% keep it in ranks %d–%d",
                    params.stabilityDraws(), params.stabilityPerturbation() * 100, from, from + band - 1);
        }

        private static void box(Xhtml x, String label, String value, String note, String id) {
            x.open("div", "class", "box", "id", "headline-" + id).element("div", label, "class", "label")
                    .element("div", value, "class", "value").element("div", note, "class", "note").close("div");
        }
    }
}
