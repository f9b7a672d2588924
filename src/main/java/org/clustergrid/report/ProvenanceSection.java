package org.clustergrid.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringRun;

/**
 * The last section of every report: the scoring run that made its numbers, the profile's method with its sources
 * ({@link MethodologySection}), and each dataset and layer with its licence and attribution — enough to reproduce
 * every figure.
 */
public final class ProvenanceSection {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ProvenanceSection() {}

    public static void write(Xhtml x, Provenance p) {
        x.open("section", "class", "provenance", "id", "provenance");
        x.element("h2", "Methodology and provenance");
        run(x, p);
        MethodologySection.write(x, p.profile(), p.sources());
        datasets(x, p.datasets());
        if (!p.layers().isEmpty()) {
            layers(x, p.layers());
        }
        x.close("section");
    }

    private static void run(Xhtml x, Provenance p) {
        ScoringRun r = p.run();
        x.open("table", "class", "facts run");
        fact(x, "Scoring run", r.id(), "run-id");
        fact(x, "Computed", time(r.createdAt()) + " in " + String.format(Locale.ROOT, "%.1f s", r.seconds()) + ", "
                + Plain.count(r.ranked().size()) + " clusters", null);
        fact(x, "Profile", "“" + r.profile().name() + "”, digest " + r.profile().hash(), null);
        List<String> w = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            w.add(Labels.dimension(d) + " " + Plain.percent(r.weights().of(d)));
        }
        fact(x, "Dimension weights", String.join(" · ", w), null);
        fact(x, "Data version", Long.toString(r.dataVersion()), null);
        fact(x, "Report made", time(p.generatedAt()), null);
        x.close("table");
        x.element("p", "The same data version and profile give the same scores: the curves are absolute, the"
                + " ranking-stability draws are seeded, and the run's breakdown of every cluster is stored under its id"
                + " (/api/scoring/runs/" + r.id() + ").", "class", "note");
    }

    private static void fact(Xhtml x, String label, String value, String cls) {
        x.open("tr").element("th", label).element("td", value, "class", cls).close("tr");
    }

    private static void datasets(Xhtml x, List<Dataset> datasets) {
        x.element("h3", "Data sets");
        if (datasets.isEmpty()) {
            x.element("p", "The store holds no data set.", "class", "note");
            return;
        }
        x.open("table", "class", "data datasets").open("thead").open("tr");
        headers(x, "Data set", "Source", "Licence", "Attribution", "Imported", "Features");
        x.close("tr").close("thead").open("tbody");
        for (Dataset d : datasets) {
            x.open("tr", "data-dataset", d.id()).open("td").element("strong", d.id());
            if (d.title() != null && !d.title().isBlank() && !d.title().equals(d.id())) {
                x.markup("<br/>").text(d.title());
            }
            if (d.synthetic()) {
                x.markup("<br/>").element("em", "synthetic — not real places");
            }
            x.close("td");
            x.element("td", orDash(d.source()), "class", "source");
            x.element("td", orDash(d.licence()), "class", "licence");
            x.element("td", orDash(Provenance.attribution(d)), "class", "attribution");
            x.element("td", time(d.importedAt()));
            x.element("td", counts(d.featureCounts()), "class", "counts");
            x.close("tr");
        }
        x.close("tbody").close("table");
    }

    private static void layers(Xhtml x, List<ContextLayer> layers) {
        x.element("h3", "Layers of your own");
        x.open("table", "class", "data datasets").open("thead").open("tr");
        headers(x, "Layer", "Source", "Licence", "Attribution", "Imported", "Features");
        x.close("tr").close("thead").open("tbody");
        for (ContextLayer l : layers) {
            x.open("tr").open("td").element("strong", l.name());
            if (l.title() != null && !l.title().isBlank() && !l.title().equals(l.name())) {
                x.markup("<br/>").text(l.title());
            }
            x.close("td");
            x.element("td", orDash(l.source()), "class", "source").element("td", orDash(l.licence()), "class", "licence")
                    .element("td", orDash(l.attribution()), "class", "attribution")
                    .element("td", l.importedAt() == null ? "—" : time(l.importedAt()))
                    .element("td", Plain.count(l.featureCount()), "class", "counts").close("tr");
        }
        x.close("tbody").close("table");
    }

    private static void headers(Xhtml x, String... names) {
        String[] classes = {"c-name", "c-source", "c-licence", "c-attribution", "c-imported", "c-features"};
        for (int i = 0; i < names.length; i++) {
            x.element("th", names[i], "class", classes[i]);
        }
    }

    private static String counts(Map<Layer, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((l, n) -> parts.add(Plain.count(n) + " " + l.name().toLowerCase(Locale.ROOT)));
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s.strip();
    }
}
