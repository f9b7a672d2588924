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
import org.clustergrid.api.FastGzip;
import org.clustergrid.api.GeoJsonWriter;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.store.ContextLayerStore;
import org.clustergrid.store.SpatialStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The items of a context layer, as {@link ItemsController} serves a built-in layer's: GeoJSON in the asked CRS, CSV
 * with WKT, or an HTML table; paged and filtered alike. A feature's id is its number in the layer ({@code fid}).
 */
@Component
class ContextItems {
    private final SpatialStore store;
    private final ObjectMapper mapper;
    private final Urls urls;
    private final ClusterGridProperties.Api limits;

    ContextItems(SpatialStore store, ObjectMapper mapper, Urls urls, ClusterGridProperties properties) {
        this.store = store;
        this.mapper = mapper;
        this.urls = urls;
        this.limits = properties.api();
    }

    /** What a filter or {@code name=value} may name: fid and every attribute. */
    static List<String> filterable(ContextLayer layer) {
        List<String> out = new ArrayList<>();
        out.add("fid");
        for (Attribute a : layer.attributes()) {
            out.add(a.name());
        }
        return out;
    }

    ResponseEntity<StreamingResponseBody> items(ContextLayer layer, HttpServletRequest request) {
        ItemsRequest r = ItemsRequest.parse(filterable(layer), request.getParameterMap(), limits.defaultLimit(),
                limits.maxLimit());
        Format f = Format.of(request, Format.ITEMS);
        String[] datetime = request.getParameterMap().get("datetime");
        ContextLayerStore.Page page = store.contextLayers().query(layer, ContextDatetime.narrow(r.query(), layer,
                datetime == null ? null : datetime[0]));
        PageLinks links = PageLinks.of(layer.name(), layer.title(), r, page.features().size(), page.numberMatched(),
                f, urls);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return switch (f) {
            case HTML -> ResponseEntity.ok().header(ItemsController.CONTENT_CRS, Crs.CRS84.header())
                    .contentType(MediaTypes.HTML).body(out -> out.write(html(layer, page, links, request.getContextPath())
                            .getBytes(StandardCharsets.UTF_8)));
            case CSV -> FastGzip.body(request, ResponseEntity.ok().contentType(MediaTypes.CSV)
                    .header(ItemsController.CONTENT_CRS, r.crs().header())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + layer.name() + ".csv\""),
                    out -> csv(out, layer, page));
            case JSON -> FastGzip.body(request, ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                    .header(ItemsController.CONTENT_CRS, r.crs().header()), out -> GeoJsonItems.collection(mapper,
                    out, page.numberMatched(), page.features(), now, links.all(),
                    (g, feature) -> members(g, feature, r.crs())));
        };
    }

    ResponseEntity<StreamingResponseBody> item(ContextLayer layer, String featureId, Crs crs, Format f,
            String contextPath) {
        ContextFeature feature = parseFid(featureId).flatMap(fid -> store.contextLayers().feature(layer, fid))
                .orElseThrow(() -> OgcException.notFound("no feature '" + featureId + "' in collection "
                        + layer.name()));
        String path = "/collections/" + layer.name() + "/items/" + feature.fid();
        List<Link> links = new ArrayList<>();
        links.add(new Link(urls.of(path, f), "self", ItemsPage.type(f), "This feature"));
        Format other = f == Format.JSON ? Format.HTML : Format.JSON;
        links.add(new Link(urls.of(path, other), "alternate", ItemsPage.type(other),
                "This feature as " + ItemsPage.name(other)));
        links.add(new Link(urls.of("/collections/" + layer.name(), Format.JSON), "collection",
                MediaTypes.linkType(MediaTypes.JSON), layer.title()));
        if (f == Format.HTML) {
            StringBuilder b = new StringBuilder(Html.map(urls.of(path, Format.JSON))).append("<table>");
            feature.plainAttributes().forEach((k, v) -> b.append("<tr><th>").append(Html.escape(k))
                    .append("</th><td>").append(Html.escape(v)).append("</td></tr>"));
            b.append("</table><h2>Links</h2>").append(Html.value(links));
            String page = Html.page(layer.title() + " " + feature.fid(), urls.crumbs("Collections", "/collections",
                    layer.title(), "/collections/" + layer.name(), "Items", "/collections/" + layer.name()
                            + "/items"), b.toString(), Html.leafletHead(contextPath));
            return ResponseEntity.ok().header(ItemsController.CONTENT_CRS, Crs.CRS84.header())
                    .contentType(MediaTypes.HTML).body(out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        }
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON).header(ItemsController.CONTENT_CRS, crs.header())
                .body(out -> GeoJsonItems.feature(mapper, out, feature, links, (g, x) -> members(g, x, crs)));
    }

    private static java.util.Optional<Long> parseFid(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void members(JsonGenerator g, ContextFeature f, Crs crs) throws IOException {
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", f.fid());
        g.writeFieldName("geometry");
        GeoJsonWriter.geometry(g, f.geometry(), crs);
        g.writeObjectField("properties", f.plainAttributes());
    }

    private static void csv(OutputStream out, ContextLayer layer, ContextLayerStore.Page page) throws IOException {
        List<String> header = new ArrayList<>(List.of("fid", "wkt"));
        layer.attributes().forEach(a -> header.add(a.name()));
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build());
        for (ContextFeature f : page.features()) {
            List<Object> row = new ArrayList<>(List.of(f.fid(), f.geometry().toText()));
            f.plainAttributes().values().forEach(row::add);
            p.printRecord(row);
        }
        p.flush();
    }

    private String html(ContextLayer layer, ContextLayerStore.Page page, PageLinks links, String contextPath) {
        StringBuilder b = new StringBuilder("<p>").append(page.numberMatched()).append(" features match; ")
                .append(page.features().size()).append(" on this page. ");
        if (links.prev() != null) {
            b.append(Html.anchor(links.prev())).append(' ');
        }
        if (links.next() != null) {
            b.append(Html.anchor(links.next())).append(' ');
        }
        links.alternates().forEach(l -> b.append("| ").append(Html.anchor(l)).append(' '));
        b.append("</p>").append(Html.map(links.alternates().stream().filter(l -> l.type().contains("json"))
                .findFirst().map(Link::href).orElse(""))).append("<table><thead><tr><th>fid</th>");
        layer.attributes().forEach(a -> b.append("<th>").append(Html.escape(a.name())).append("</th>"));
        b.append("</tr></thead><tbody>");
        String base = urls.of("/collections/" + layer.name() + "/items/");
        for (ContextFeature f : page.features()) {
            b.append("<tr><td>").append(Html.anchor(new Link(base + f.fid() + "?f=html", "item", null,
                    String.valueOf(f.fid())))).append("</td>");
            f.plainAttributes().values().forEach(v -> b.append("<td>").append(Html.escape(v)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table><h2>Links</h2>").append(Html.value(links.all()));
        return Html.page(layer.title(), urls.crumbs("Collections", "/collections", layer.title(),
                "/collections/" + layer.name()), b.toString(), Html.leafletHead(contextPath));
    }
}
