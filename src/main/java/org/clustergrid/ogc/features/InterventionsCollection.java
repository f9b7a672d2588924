package org.clustergrid.ogc.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.filter.FeatureFilter;
import org.clustergrid.register.interventions.GridRow;

/**
 * The Intervention grid as an OGC collection, {@value #ID}: a feature a row of a cluster's grid, at the cluster's
 * representative point (no geometry once the cluster is retired), editable over Part 4 like the clusters.
 */
final class InterventionsCollection {
    static final String ID = "interventions";
    static final String TITLE = "Intervention grid";
    static final String PATH = "/collections/" + ID;
    /** Every property is a queryable; {@code budget} and {@code version} are numbers, the rest text (ISO dates too). */
    static final Map<String, FeatureFilter.Kind> QUERYABLES = queryables();

    private InterventionsCollection() {}

    private static Map<String, FeatureFilter.Kind> queryables() {
        Map<String, FeatureFilter.Kind> m = new LinkedHashMap<>();
        m.put("id", FeatureFilter.Kind.TEXT);
        for (String p : GridRow.PROPERTIES) {
            m.put(p, p.equals("budget") || p.equals("version") ? FeatureFilter.Kind.NUMBER : FeatureFilter.Kind.TEXT);
        }
        return Collections.unmodifiableMap(m);
    }

    static Map<String, Object> describe(Urls urls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ID);
        m.put("title", TITLE);
        m.put("description", "What support each cluster needs and what is done about it (the Cluster Grid's"
                + " Intervention grid): category, title, status, agency, budget and currency, start and end dates,"
                + " notes and origin (entered, computed_gap, portfolio). The infrastructure gaps of the current scoring"
                + " run appear as computed_gap rows until someone edits them. A feature's point is its cluster's; a"
                + " retired cluster's rows have no geometry. Editors change rows with POST, PUT, PATCH and DELETE"
                + " (If-Match).");
        m.put("links", CollectionDescriber.links(urls, PATH, TITLE));
        m.put("itemType", "feature");
        m.put("crs", Crs.URIS);
        m.put("storageCrs", Crs.CRS84.uri());
        return m;
    }

    static Map<String, Object> queryables(String id) {
        return Queryables.typed(TITLE, ID, id, QUERYABLES);
    }

    /** A row's properties with its id, as a filter sees them. */
    static Map<String, Object> filterable(GridRow r) {
        Map<String, Object> m = new LinkedHashMap<>(r.properties());
        m.put("id", r.row().id());
        return m;
    }

    static List<String> names() {
        return List.copyOf(QUERYABLES.keySet());
    }
}
