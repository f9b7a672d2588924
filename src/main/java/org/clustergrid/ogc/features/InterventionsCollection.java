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
        for (String p : GridRow.PROPERTIES) {
            m.put(p, p.equals("budget") || p.equals("version") ? FeatureFilter.Kind.NUMBER : FeatureFilter.Kind.TEXT);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Described as the clusters it sits on: their extent, licences and data sets (a row is about a cluster of those
     * data), with its own id, title, description and links.
     */
    static Map<String, Object> describe(Urls urls, CollectionDescriber describer) {
        Map<String, Object> clusters = describer.describe(org.clustergrid.model.Layer.CLUSTERS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ID);
        m.put("title", TITLE);
        m.put("description", "What support each cluster needs and what is done about it (the Cluster Grid's"
                + " Intervention grid): category, title, status, agency, budget and currency, start and end dates,"
                + " notes and origin (entered, computed_gap, portfolio). The infrastructure gaps of the current scoring"
                + " run appear as computed_gap rows until someone edits them; accepted portfolio projects are portfolio"
                + " rows, one per cluster a project helps, tied by project (its budget repeats on each: count it"
                + " once). A feature's point is its cluster's; a"
                + " retired cluster's rows have no geometry. Editors change rows with POST, PUT, PATCH and DELETE"
                + " (If-Match). The clusters: " + clusters.get("description"));
        m.put("links", CollectionDescriber.links(urls, PATH, TITLE));
        if (clusters.containsKey("extent")) {
            m.put("extent", clusters.get("extent"));
        }
        m.put("itemType", "feature");
        m.put("crs", Crs.URIS);
        m.put("storageCrs", Crs.CRS84.uri());
        for (String k : List.of("license", "attribution", "datasets")) {
            m.put(k, clusters.get(k));
        }
        return m;
    }

    static Map<String, Object> queryables(String id) {
        return Queryables.typed(TITLE, ID, id, QUERYABLES);
    }

    static List<String> names() {
        return List.copyOf(QUERYABLES.keySet());
    }
}
