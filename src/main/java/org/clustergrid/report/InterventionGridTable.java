package org.clustergrid.report;

import java.util.List;
import java.util.Set;
import org.clustergrid.register.interventions.Fields;
import org.clustergrid.register.interventions.Intervention;
import org.clustergrid.register.interventions.Vocabulary;

/**
 * The cluster's Intervention grid in the profile, compact so that the cluster's own part keeps to two pages. The rows
 * of the gaps listed above show there, with their status; the rows the run's gaps make that nobody has touched are
 * counted in a line; a table holds the rest — each row someone entered, and each row of a smaller gap someone edited.
 */
final class InterventionGridTable {
    /** Most rows printed one by one; the rest are counted in a note. */
    static final int PRINTED = 6;

    private InterventionGridTable() {}

    /** @param listed the indicators of the gaps listed above, whose rows show there */
    static void write(Xhtml x, List<Intervention> rows, Set<String> listed) {
        List<Intervention> table = rows.stream().filter(i -> i.stored() && !listed.contains(i.gapIndicator()))
                .toList();
        long untouched = rows.stream().filter(i -> !i.stored() && !listed.contains(i.gapIndicator())).count();
        if (table.isEmpty()) {
            return;
        }
        x.element("h3", "Intervention grid", "class", "grid");
        x.open("table", "class", "data grid").open("thead").open("tr");
        x.element("th", "Category").element("th", "Need or support").element("th", "Status").element("th", "Agency")
                .element("th", "Budget", "class", "num").element("th", "When");
        x.close("tr").close("thead").open("tbody");
        for (Intervention i : table.subList(0, Math.min(PRINTED, table.size()))) {
            Fields f = i.fields();
            x.open("tr", "data-intervention", i.id()).element("td", category(f.category()));
            x.element("td", f.title() + (i.origin() == Vocabulary.Origin.COMPUTED_GAP ? " (gap)" : ""));
            x.element("td", status(i)).element("td", f.agency() == null ? "—" : f.agency());
            x.element("td", f.budget() == null ? "—" : Plain.money(f.budget().doubleValue(), f.currency()),
                    "class", "num");
            x.element("td", when(f)).close("tr");
        }
        x.close("tbody").close("table");
        long more = table.size() - Math.min(PRINTED, table.size());
        if (more > 0 || untouched > 0) {
            x.element("p", (more > 0 ? more + " more rows and " : "") + untouched + " identified needs from the"
                    + " smaller gaps are in the grid too (web map, or the interventions collection of the OGC API).",
                    "class", "note");
        }
    }

    /** How a listed gap's row stands: its status, and the agency when one is named. */
    static String standing(Intervention i) {
        return status(i) + (i.fields().agency() == null ? "" : ", " + i.fields().agency());
    }

    private static String status(Intervention i) {
        return i.fields().status().id().replace('_', ' ');
    }

    private static String when(Fields f) {
        if (f.startDate() == null && f.endDate() == null) {
            return "—";
        }
        return (f.startDate() == null ? "…" : f.startDate().toString()) + " – "
                + (f.endDate() == null ? "…" : f.endDate().toString());
    }

    static String category(Vocabulary.Category c) {
        return switch (c) {
            case TRADE_IPR -> "Trade, IPR";
            case ENTREPRENEURSHIP -> "Entrepreneurship";
            case AGENCIES_BDS -> "Agencies, BDS";
            case SKILLS_LABOUR -> "Skills, labour";
            case TECHNOLOGY -> "Technology";
            case FINANCE -> "Finance";
            case INFRASTRUCTURE -> "Infrastructure";
        };
    }
}
