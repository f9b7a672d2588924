package org.clustergrid.ogc.features;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clustergrid.api.GeoJsonWriter;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.scenario.PlannedFeature;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.StoredScenario;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * The items of a scenario's collection, as {@link ItemsController} serves a layer's: GeoJSON in the asked CRS, CSV with
 * WKT or an HTML table, paged and filtered alike, but on the planned features in memory (at most a scenario's
 * thousand). A feature's id is the intervention's.
 */
@Component
class ScenarioItems {
    private final ScenarioCollection collection;
    private final ObjectMapper mapper;
    private final Urls urls;
    private final ClusterGridProperties.Api limits;

    ScenarioItems(ScenarioCollection collection, ObjectMapper mapper, Urls urls, ClusterGridProperties properties) {
        this.collection = collection;
        this.mapper = mapper;
        this.urls = urls;
        this.limits = properties.api();
    }

    ResponseEntity<StreamingResponseBody> items(StoredScenario s, HttpServletRequest request) {
        ItemsRequest r = ItemsRequest.parse(List.copyOf(ScenarioCollection.QUERYABLES.keySet()),
                request.getParameterMap(), limits.defaultLimit(), limits.maxLimit());
        Format f = Format.of(request, Format.ITEMS);
        List<PlannedFeature> matched = select(collection.planned(s).features(), r.query());
        List<PlannedFeature> page = matched.subList((int) Math.min(r.offset(), matched.size()),
                (int) Math.min(r.offset() + r.limit(), matched.size()));
        String id = ScenarioCollection.id(s);
        PageLinks links = PageLinks.of(id, ScenarioCollection.title(s), r, page.size(), matched.size(), f, urls);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return switch (f) {
            case HTML -> ResponseEntity.ok().header(ItemsController.CONTENT_CRS, Crs.CRS84.header())
                    .contentType(MediaTypes.HTML).body(out -> out.write(html(s, page, matched.size(), links,
                            request.getContextPath()).getBytes(StandardCharsets.UTF_8)));
            case CSV -> ResponseEntity.ok().contentType(MediaTypes.CSV)
                    .header(ItemsController.CONTENT_CRS, r.crs().header())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + id + ".csv\"")
                    .body(out -> csv(out, page));
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                    .header(ItemsController.CONTENT_CRS, r.crs().header())
                    .body(out -> GeoJsonItems.collection(mapper, out, matched.size(), page, now, links.all(),
                            (g, feature) -> members(g, feature, r.crs())));
        };
    }

    ResponseEntity<StreamingResponseBody> item(StoredScenario s, String featureId, Crs crs, Format f,
            String contextPath) {
        String id = ScenarioCollection.id(s);
        PlannedFeature feature = collection.planned(s).features().stream().filter(x -> x.id().equals(featureId))
                .findFirst().orElseThrow(() -> OgcException.notFound("no feature '" + featureId + "' in collection "
                        + id));
        String path = "/collections/" + id + "/items/" + UriUtils.encodePathSegment(featureId, StandardCharsets.UTF_8);
        List<Link> links = new ArrayList<>();
        links.add(new Link(urls.of(path, f), "self", ItemsPage.type(f), "This feature"));
        Format other = f == Format.JSON ? Format.HTML : Format.JSON;
        links.add(new Link(urls.of(path, other), "alternate", ItemsPage.type(other),
                "This feature as " + ItemsPage.name(other)));
        links.add(new Link(urls.of("/collections/" + id, Format.JSON), "collection",
                MediaTypes.linkType(MediaTypes.JSON), ScenarioCollection.title(s)));
        if (f == Format.HTML) {
            StringBuilder b = new StringBuilder(Html.map(urls.of(path, Format.JSON))).append("<table>");
            feature.properties().forEach((k, v) -> b.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
                    .append(Html.escape(v)).append("</td></tr>"));
            b.append("</table><h2>Links</h2>").append(Html.value(links));
            String page = Html.page(ScenarioCollection.title(s) + " " + feature.id(), urls.crumbs("Collections",
                    "/collections", ScenarioCollection.title(s), "/collections/" + id, "Items", "/collections/" + id
                            + "/items"), b.toString(), Html.leafletHead(contextPath));
            return ResponseEntity.ok().header(ItemsController.CONTENT_CRS, Crs.CRS84.header())
                    .contentType(MediaTypes.HTML).body(out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        }
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON).header(ItemsController.CONTENT_CRS, crs.header())
                .body(out -> GeoJsonItems.feature(mapper, out, feature, links, (g, x) -> members(g, x, crs)));
    }

    /** The features the query selects, in the scenario's order: box, property values and filter all hold. */
    static List<PlannedFeature> select(List<PlannedFeature> features, FeatureQuery q) {
        return MemoryQuery.select(features, q, ScenarioCollection.QUERYABLES, PlannedFeature::properties,
                PlannedFeature::geometry);
    }

    private static void members(JsonGenerator g, PlannedFeature f, Crs crs) throws IOException {
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.id());
        g.writeFieldName("geometry");
        if (f.geometry() == null) {
            g.writeNull();
        } else {
            GeoJsonWriter.geometry(g, f.geometry(), crs);
        }
        g.writeObjectField("properties", f.properties());
    }

    private static void csv(OutputStream out, List<PlannedFeature> page) throws IOException {
        List<String> header = new ArrayList<>(List.of("wkt"));
        header.addAll(PlannedFeature.PROPERTIES);
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build());
        for (PlannedFeature f : page) {
            List<Object> row = new ArrayList<>();
            row.add(f.geometry() == null ? null : f.geometry().toText());
            f.properties().values().forEach(v -> row.add(v instanceof List<?> l ? String.join(" ",
                    l.stream().map(String::valueOf).toList()) : v));
            p.printRecord(row);
        }
        p.flush();
    }

    private String html(StoredScenario s, List<PlannedFeature> page, int matched, PageLinks links, String contextPath) {
        StringBuilder b = new StringBuilder("<p>").append(matched).append(" features match; ").append(page.size())
                .append(" on this page. ");
        if (links.prev() != null) {
            b.append(Html.anchor(links.prev())).append(' ');
        }
        if (links.next() != null) {
            b.append(Html.anchor(links.next())).append(' ');
        }
        links.alternates().forEach(l -> b.append("| ").append(Html.anchor(l)).append(' '));
        b.append("</p>").append(Html.map(links.alternates().stream().filter(l -> l.type().contains("json"))
                .findFirst().map(Link::href).orElse(""))).append("<table><thead><tr>");
        PlannedFeature.PROPERTIES.forEach(p -> b.append("<th>").append(Html.escape(p)).append("</th>"));
        b.append("</tr></thead><tbody>");
        String base = urls.of("/collections/" + ScenarioCollection.id(s) + "/items/");
        for (PlannedFeature f : page) {
            b.append("<tr>");
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                b.append("<td>").append(e.getKey().equals("id") ? Html.anchor(new Link(base + UriUtils
                        .encodePathSegment(f.id(), StandardCharsets.UTF_8) + "?f=html", "item", null, f.id()))
                        : Html.escape(e.getValue())).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table><h2>Links</h2>").append(Html.value(links.all()));
        String id = ScenarioCollection.id(s);
        return Html.page(ScenarioCollection.title(s), urls.crumbs("Collections", "/collections",
                ScenarioCollection.title(s), "/collections/" + id), b.toString(), Html.leafletHead(contextPath));
    }
}
