package org.clustergrid.ogc.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.store.StoredFeature;
import org.springframework.web.util.UriUtils;

/** The HTML pages of items and features; the other resources use {@link Html#value}. */
final class HtmlPages {
    private HtmlPages() {}

    static String document(String title, List<Link> crumbs, Map<String, Object> json) {
        return Html.page(title, crumbs, Html.value(json), null);
    }

    static String items(ItemsPage p, List<Link> crumbs, String itemBase, String contextPath) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(p.page().numberMatched()).append(" features match; ")
                .append(p.page().features().size()).append(" on this page (").append(Html.escape(p.timeStamp()))
                .append(").</p><p>");
        if (p.prev() != null) {
            b.append(Html.anchor(p.prev())).append(" ");
        }
        if (p.next() != null) {
            b.append(Html.anchor(p.next())).append(" ");
        }
        for (Link l : p.alternates()) {
            b.append("| ").append(Html.anchor(l)).append(" ");
        }
        b.append("</p>").append(Html.map(geojson(p)));
        List<String> columns = new ArrayList<>();
        if (!p.page().features().isEmpty()) {
            columns.addAll(LayerProperties.of(p.page().features().get(0).feature()).keySet());
        }
        b.append("<table><thead><tr><th>feature</th>");
        columns.forEach(c -> b.append("<th>").append(Html.escape(c)).append("</th>"));
        b.append("<th>dataset</th></tr></thead><tbody>");
        for (StoredFeature f : p.page().features()) {
            Map<String, Object> props = LayerProperties.of(f.feature());
            b.append("<tr><td>").append(Html.anchor(new Link(itemBase + UriUtils.encodePathSegment(f.layerId(), StandardCharsets.UTF_8) + "?f=html", "item", null,
                    f.layerId()))).append("</td>");
            columns.forEach(c -> b.append("<td>").append(Html.escape(props.get(c))).append("</td>"));
            b.append("<td>").append(Html.escape(f.datasetId())).append("</td></tr>");
        }
        b.append("</tbody></table><h2>Links</h2>").append(Html.value(p.links()));
        return Html.page(p.layer().title(), crumbs, b.toString(), Html.leafletHead(contextPath));
    }

    static String feature(StoredFeature f, List<Link> links, List<Link> crumbs, String geojsonUrl,
            String contextPath) {
        StringBuilder b = new StringBuilder(Html.map(geojsonUrl)).append("<table>");
        // a list (a cluster's product markets, associations) as a list; in the items table it stays its JSON text
        LayerProperties.of(f.feature()).forEach((k, v) -> b.append("<tr><th>").append(Html.escape(k))
                .append("</th><td>").append(v instanceof List ? Html.value(v) : Html.escape(v)).append("</td></tr>"));
        b.append("<tr><th>dataset</th><td>").append(Html.escape(f.datasetId())).append("</td></tr>");
        if (!f.feature().attributes().isEmpty()) {
            b.append("<tr><th>attributes</th><td>").append(Html.value(f.feature().attributes())).append("</td></tr>");
        }
        b.append("<tr><th>geometry</th><td>").append(Html.escape(f.feature().geometry().getGeometryType()))
                .append("</td></tr></table><h2>Links</h2>").append(Html.value(links));
        return Html.page(f.layerId(), crumbs, b.toString(), Html.leafletHead(contextPath));
    }

    /** The queryables as a table, and a form that sends a CQL2 Text filter to the items as HTML. */
    @SuppressWarnings("unchecked")
    static String queryables(Map<String, Object> schema, List<Link> links, String itemsUrl, List<Link> crumbs) {
        StringBuilder b = new StringBuilder("<p>").append(Html.escape(schema.get("description")))
                .append("</p><table><thead><tr><th>queryable</th><th>type</th><th>description</th></tr></thead>")
                .append("<tbody>");
        ((Map<String, Map<String, Object>>) schema.get("properties")).forEach((name, p) -> b.append("<tr><td><code>")
                .append(Html.escape(name)).append("</code></td><td>")
                .append(Html.escape(p.containsKey("type") ? p.get("type") : p.get("format"))).append("</td><td>")
                .append(Html.escape(p.get("description"))).append("</td></tr>"));
        b.append("</tbody></table><h2>Filter</h2><form method=\"get\" action=\"").append(Html.escape(itemsUrl))
                .append("\"><input type=\"hidden\" name=\"f\" value=\"html\"><p><label for=\"filter\">CQL2 Text")
                .append("</label><br><textarea id=\"filter\" name=\"filter\" rows=\"3\" cols=\"80\" placeholder=\"")
                .append(Html.escape("name LIKE 'A%' AND S_INTERSECTS(geometry, BBOX(80, 20, 80.5, 20.5))"))
                .append("\"></textarea></p><p><button type=\"submit\">Show matching features</button></p></form>")
                .append("<p>Comparisons <code>= &lt;&gt; &lt; &gt; &lt;= &gt;=</code>, <code>LIKE</code> (% and _), ")
                .append("<code>BETWEEN</code>, <code>IN (…)</code>, <code>IS [NOT] NULL</code>, ")
                .append("<code>CASEI(…)</code>, ")
                .append("<code>AND OR NOT</code>, texts in single quotes, and <code>S_INTERSECTS(geometry, …)</code> ")
                .append("with <code>POINT</code>, <code>LINESTRING</code>, <code>POLYGON</code>, <code>MULTI…</code> ")
                .append("or <code>BBOX(west, south, east, north)</code> in longitude/latitude.</p>")
                .append("<h2>Links</h2>").append(Html.value(links));
        return Html.page("Queryables of " + schema.get("title"), crumbs, b.toString(), null);
    }

    private static String geojson(ItemsPage p) {
        return p.alternates().stream().filter(l -> l.type().equals(ItemsPage.type(Format.JSON))).findFirst()
                .map(Link::href).orElse(p.self().href());
    }
}
