package org.clustergrid.ogc.features;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clustergrid.register.interventions.GridRow;
import org.springframework.web.util.UriUtils;

/** The Intervention grid's items as CSV (the id, the point as WKT, then every property) and as an HTML table. */
final class InterventionPages {
    private InterventionPages() {}

    static void csv(OutputStream out, List<GridRow> page, Crs crs) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "wkt"));
        header.addAll(GridRow.PROPERTIES);
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build());
        for (GridRow r : page) {
            List<Object> row = new ArrayList<>();
            row.add(r.row().id());
            row.add(r.anchor() == null ? null : crs.transform(r.anchor()).toText());
            row.addAll(r.properties().values());
            p.printRecord(row);
        }
        p.flush();
    }

    static String items(List<GridRow> page, int matched, PageLinks links, Urls urls, String contextPath) {
        StringBuilder b = new StringBuilder("<p>").append(matched).append(" features match; ").append(page.size())
                .append(" on this page. ");
        for (Link l : new Link[] {links.prev(), links.next()}) {
            if (l != null) {
                b.append(Html.anchor(l)).append(' ');
            }
        }
        links.alternates().forEach(l -> b.append("| ").append(Html.anchor(l)).append(' '));
        b.append("</p><table><thead><tr><th>id</th>");
        GridRow.PROPERTIES.forEach(p -> b.append("<th>").append(Html.escape(p)).append("</th>"));
        b.append("</tr></thead><tbody>");
        String base = urls.of(InterventionsCollection.PATH + "/items/");
        for (GridRow r : page) {
            String id = r.row().id();
            b.append("<tr><td>").append(Html.anchor(new Link(base + UriUtils.encodePathSegment(id,
                    StandardCharsets.UTF_8) + "?f=html", "item", null, id))).append("</td>");
            r.properties().values().forEach(v -> b.append("<td>").append(Html.escape(v)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table><h2>Links</h2>").append(Html.value(links.all()));
        return Html.page(InterventionsCollection.TITLE, urls.crumbs("Collections", "/collections",
                InterventionsCollection.TITLE, InterventionsCollection.PATH), b.toString(),
                Html.leafletHead(contextPath));
    }

    static String item(GridRow r, List<Link> links, Urls urls, String contextPath) {
        StringBuilder b = new StringBuilder(r.anchor() == null ? "" : Html.map(links.get(1).href()))
                .append("<table>");
        r.properties().forEach((k, v) -> b.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
                .append(Html.escape(v)).append("</td></tr>"));
        b.append("</table><h2>Links</h2>").append(Html.value(links));
        return Html.page(InterventionsCollection.TITLE + " " + r.row().id(), urls.crumbs("Collections",
                "/collections", InterventionsCollection.TITLE, InterventionsCollection.PATH, "Items",
                InterventionsCollection.PATH + "/items"), b.toString(), Html.leafletHead(contextPath));
    }
}
