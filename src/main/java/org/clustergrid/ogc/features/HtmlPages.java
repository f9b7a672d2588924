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
        LayerProperties.of(f.feature()).forEach((k, v) ->
                b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>"));
        b.append("<tr><th>dataset</th><td>").append(Html.escape(f.datasetId())).append("</td></tr>");
        if (!f.feature().attributes().isEmpty()) {
            b.append("<tr><th>attributes</th><td>").append(Html.value(f.feature().attributes())).append("</td></tr>");
        }
        b.append("<tr><th>geometry</th><td>").append(Html.escape(f.feature().geometry().getGeometryType()))
                .append("</td></tr></table><h2>Links</h2>").append(Html.value(links));
        return Html.page(f.layerId(), crumbs, b.toString(), Html.leafletHead(contextPath));
    }

    private static String geojson(ItemsPage p) {
        return p.alternates().stream().filter(l -> l.type().equals(ItemsPage.type(Format.JSON))).findFirst()
                .map(Link::href).orElse(p.self().href());
    }
}
