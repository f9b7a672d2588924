package org.clustergrid.report;

import java.util.List;
import java.util.Locale;
import org.clustergrid.register.interventions.Intervention;
import org.clustergrid.scoring.ScoringRun;

/**
 * Intervention: the shortfalls ranked by their share of the weighted gap, each in plain words with the kind of
 * intervention that closes it; what must be measured first; the candidate projects the portfolio work makes for the
 * cluster with their costs; and how firm its priority rank is under other weights.
 */
final class InterventionSection {
    private InterventionSection() {}

    static void write(Xhtml x, ClusterProfile p, List<Intervention> grid) {
        x.open("section", "class", "intervention").element("h2", "Intervention");
        stability(x, p); // how firm the priority is, first: it says how much weight the list below bears
        gaps(x, p, grid);
        unknown(x, p);
        candidates(x, p.candidates());
        InterventionGridTable.write(x, grid, p.gaps().subList(0, Math.min(LISTED_GAPS, p.gaps().size())).stream()
                .map(g -> g.row().id()).collect(java.util.stream.Collectors.toSet()));
        x.close("section");
    }

    /** The largest shortfalls spelt out; the rest are summed up, so the profile's own part stays within two pages. */
    static final int LISTED_GAPS = 3;

    private static void gaps(Xhtml x, ClusterProfile p, List<Intervention> grid) {
        x.element("h3", "Gaps to close, largest first");
        if (p.gaps().isEmpty()) {
            x.element("p", p.ranked().score().scored() ? "Every scored dimension meets its target."
                    : "Too little is known to find the gaps; see what to measure below.", "class", "note");
            return;
        }
        x.open("ol", "class", "gaps");
        List<ClusterProfile.GapItem> listed = p.gaps().subList(0, Math.min(LISTED_GAPS, p.gaps().size()));
        for (ClusterProfile.GapItem g : listed) {
            x.open("li", "data-indicator", g.row().id()).element("strong", g.statement() + ".");
            x.element("span", String.format(Locale.ROOT, " %s points of the overall gap (%s).", Plain.decimal(
                    g.points(), 1), Labels.dimension(g.row().dimension()).toLowerCase(Locale.ROOT)), "class", "points");
            x.markup("<br/>").element("span", "Closes it: " + g.intervention(), "class", "kind");
            // the gap's row of the Intervention grid: how far the support has come
            grid.stream().filter(i -> g.row().id().equals(i.gapIndicator())).findFirst().ifPresent(i -> x.element(
                    "span", " — " + InterventionGridTable.standing(i), "class", "grid-status"));
            x.close("li");
        }
        x.close("ol");
        List<ClusterProfile.GapItem> rest = p.gaps().subList(listed.size(), p.gaps().size());
        if (!rest.isEmpty()) {
            double points = rest.stream().mapToDouble(ClusterProfile.GapItem::points).sum();
            x.element("p", String.format(Locale.ROOT, "%d smaller shortfall%s, together %s points of the overall gap,"
                    + " %s in the table above.", rest.size(), rest.size() == 1 ? "" : "s", Plain.decimal(points, 1),
                    rest.size() == 1 ? "is" : "are"), "class", "note");
        }
    }

    private static void unknown(Xhtml x, ClusterProfile p) {
        if (p.unknown().isEmpty()) {
            return;
        }
        x.element("h3", "To measure first (unknown, not zero)");
        x.open("ul", "class", "unknown");
        for (IndicatorRow r : p.unknown()) {
            x.open("li", "data-indicator", r.id()).element("strong", r.title() + ": ").text(r.missing().message())
                    .close("li");
        }
        x.close("ul");
    }

    private static void candidates(Xhtml x, CandidateProjects c) {
        x.element("h3", "Candidate projects");
        if (c.projects().isEmpty()) {
            x.element("p", "No candidate project is made for this cluster's gaps from the data and the cost profile “"
                    + c.costProfile() + "”.", "class", "note");
        } else {
            x.open("table", "class", "data candidates").open("thead").open("tr");
            x.element("th", "Project").element("th", "Length", "class", "num").element("th", "Cost", "class", "num")
                    .element("th", "How it is priced");
            x.close("tr").close("thead").open("tbody");
            for (CandidateProjects.Project pr : c.projects()) {
                x.open("tr", "data-candidate", pr.id()).open("td").text(pr.name()).markup("<br/>")
                        .element("span", pr.origin(), "class", "weight").close("td");
                x.element("td", pr.km() == null ? "—" : Plain.metres(pr.km() * 1000), "class", "num");
                x.element("td", pr.cost() == null ? "no rate" : Plain.money(pr.cost(), c.currency()), "class", "num");
                x.element("td", pr.basis(), "class", "source").close("tr");
            }
            x.close("tbody").close("table");
        }
        if (!c.notes().isEmpty()) {
            x.element("p", notMade(c.notes()), "class", "note");
        }
    }

    private static final java.util.regex.Pattern NO_RATE =
            java.util.regex.Pattern.compile("no (.+) made: cost profile '(.+)' has no rate '(.+)'");

    /** The kinds not made, the ones for want of a rate in one sentence naming the profile once. */
    static String notMade(List<String> notes) {
        List<String> kinds = new java.util.ArrayList<>();
        List<String> other = new java.util.ArrayList<>();
        String profile = null;
        for (String n : notes) {
            java.util.regex.Matcher m = NO_RATE.matcher(n);
            if (m.matches() && (profile == null || profile.equals(m.group(2)))) {
                profile = m.group(2);
                kinds.add(m.group(1) + " ('" + m.group(3) + "')");
            } else {
                other.add(n);
            }
        }
        String text = kinds.isEmpty() ? "" : "Not made for want of a rate in cost profile '" + profile + "': "
                + String.join(", ", kinds) + ".";
        return other.isEmpty() ? text : (text + " Not made: " + String.join("; ", other) + ".").strip();
    }

    private static void stability(Xhtml x, ClusterProfile p) {
        ScoringRun.Ranked r = p.ranked();
        var params = p.provenance().profile().parameters();
        String text;
        if (r.rank() != null) {
            int band = params.stabilityBand();
            int from = (r.rank() - 1) / band * band + 1;
            text = String.format(Locale.ROOT, "Priority rank %d of %d (gap × size). With each dimension weight varied"
                    + " at random by up to ±%.0f%% in %d seeded draws, it stays in ranks %d–%d in %s of them: %s.",
                    r.rank(), p.standing().byPriority(), params.stabilityPerturbation() * 100, params.stabilityDraws(),
                    from, from + band - 1, Plain.percent(r.stability()), firmness(r.stability()));
        } else if (r.gapRank() != null) {
            text = "No priority rank: " + r.unranked() + ". By gap alone it ranks " + r.gapRank() + " of "
                    + p.standing().byGap() + "; rank stability is computed for priority ranks only.";
        } else {
            text = "No rank: " + r.unranked() + ".";
        }
        x.element("p", text, "class", "stability");
    }

    private static String firmness(double share) {
        return share >= 0.9 ? "a firm rank" : share >= 0.6 ? "a fairly firm rank" : "a rank that moves with the weights";
    }
}
