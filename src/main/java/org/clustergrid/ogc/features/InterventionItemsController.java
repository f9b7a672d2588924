package org.clustergrid.ogc.features;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.api.GeoJsonWriter;
import org.clustergrid.api.RegisterErrors;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.register.Author;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.GridRow;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.register.interventions.InterventionInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * The {@value InterventionsCollection#ID} collection: read as any collection (GeoJSON, CSV, HTML; paged, filtered
 * with CQL2 in memory) and changed over Part 4 — POST a new row, PUT or PATCH (JSON Merge Patch) one, DELETE one —
 * with If-Match (428 without, 412 when the row moved on). Its paths are literal, so they win over the generic ones.
 */
@RestController
@RequestMapping(FeaturesPath.MAPPING + InterventionsCollection.PATH)
class InterventionItemsController {
    /** The number of the version a change made in the row's history. */
    static final String VERSION = "Intervention-Version";
    private final InterventionGrid grid;
    private final ObjectMapper mapper;
    private final Urls urls;
    private final ClusterGridProperties.Api limits;
    private final CollectionDescriber describer;

    InterventionItemsController(InterventionGrid grid, ObjectMapper mapper, Urls urls, ClusterGridProperties p,
            CollectionDescriber describer) {
        this.grid = grid;
        this.describer = describer;
        this.mapper = mapper;
        this.urls = urls;
        this.limits = p.api();
    }

    @GetMapping
    ResponseEntity<byte[]> collection(HttpServletRequest request) {
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        Map<String, Object> m = InterventionsCollection.describe(urls, describer);
        List<Link> links = new ArrayList<>(urls.selfAndAlternate(InterventionsCollection.PATH, f,
                InterventionsCollection.TITLE));
        @SuppressWarnings("unchecked")
        List<Link> own = (List<Link>) m.get("links");
        own.stream().filter(l -> !l.rel().equals("self") && !l.rel().equals("alternate")).forEach(links::add);
        m.put("links", links);
        return f == Format.HTML ? Responses.html(HtmlPages.document(InterventionsCollection.TITLE,
                urls.crumbs("Collections", "/collections"), m)) : Responses.json(mapper, MediaTypes.JSON, m);
    }

    @GetMapping("/queryables")
    ResponseEntity<byte[]> queryables(HttpServletRequest request) {
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        String path = InterventionsCollection.PATH + "/queryables";
        Map<String, Object> schema = InterventionsCollection.queryables(urls.of(path));
        if (f == Format.HTML) {
            return Responses.html(HtmlPages.queryables(schema, urls.selfAndAlternate(path, f, "Queryables"),
                    urls.of(InterventionsCollection.PATH + "/items"), urls.crumbs("Collections", "/collections",
                            InterventionsCollection.TITLE, InterventionsCollection.PATH)));
        }
        return Responses.json(mapper, MediaTypes.SCHEMA_JSON, schema);
    }

    @GetMapping("/items")
    ResponseEntity<StreamingResponseBody> items(HttpServletRequest request) {
        ItemsRequest r = ItemsRequest.parse(InterventionsCollection.names(), request.getParameterMap(),
                limits.defaultLimit(), limits.maxLimit());
        Format f = Format.of(request, Format.ITEMS);
        List<GridRow> matched = MemoryQuery.select(grid.all(), r.query(), InterventionsCollection.QUERYABLES,
                GridRow::properties, GridRow::anchor);
        List<GridRow> page = matched.subList((int) Math.min(r.offset(), matched.size()),
                (int) Math.min(r.offset() + r.limit(), matched.size()));
        PageLinks links = PageLinks.of(InterventionsCollection.ID, InterventionsCollection.TITLE, r, page.size(),
                matched.size(), f, urls);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return switch (f) {
            case HTML -> ResponseEntity.ok().header(ItemsController.CONTENT_CRS, Crs.CRS84.header())
                    .contentType(MediaTypes.HTML).body(out -> out.write(InterventionPages.items(page, matched.size(),
                            links, urls, request.getContextPath()).getBytes(StandardCharsets.UTF_8)));
            case CSV -> ResponseEntity.ok().contentType(MediaTypes.CSV)
                    .header(ItemsController.CONTENT_CRS, r.crs().header())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"interventions.csv\"")
                    .body(out -> InterventionPages.csv(out, page, r.crs()));
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                    .header(ItemsController.CONTENT_CRS, r.crs().header())
                    .body(out -> GeoJsonItems.collection(mapper, out, matched.size(), page, now, links.all(),
                            (g, row) -> members(g, row, r.crs())));
        };
    }

    @GetMapping("/items/{featureId}")
    ResponseEntity<StreamingResponseBody> item(@PathVariable String featureId, HttpServletRequest request) {
        Crs crs = ItemsController.featureCrs(request);
        Format f = Format.of(request, Format.METADATA);
        GridRow row = grid.get(featureId).orElseThrow(() -> OgcException.notFound("no feature '" + featureId
                + "' in collection " + InterventionsCollection.ID));
        if (f == Format.HTML) {
            String page = InterventionPages.item(row, links(row, f), urls, request.getContextPath());
            return ResponseEntity.ok().header(ItemsController.CONTENT_CRS, Crs.CRS84.header()).eTag(row.etag())
                    .contentType(MediaTypes.HTML).body(out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        }
        return answer(HttpStatus.OK, row, null, crs, false);
    }

    @PostMapping("/items")
    ResponseEntity<StreamingResponseBody> create(@RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        JsonNode feature = ClusterEditsController.json(mapper, body, request);
        InterventionGrid.Result r = grid.create(feature, author(request, feature));
        return answer(HttpStatus.CREATED, r.row(), r.version(), Crs.CRS84, true);
    }

    @PutMapping("/items/{featureId}")
    ResponseEntity<StreamingResponseBody> replace(@PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        JsonNode feature = ClusterEditsController.json(mapper, body, request);
        JsonNode id = feature.get("id");
        if (id != null && !id.isNull() && !id.asText().equals(featureId)) {
            throw RegisterException.badInput("id", "is '" + id.asText() + "' but the path names " + featureId);
        }
        var fields = InterventionInput.parse(feature);
        InterventionGrid.Result r = grid.change(featureId, ifMatch, feature, current -> fields,
                "replace", author(request, feature));
        return answer(HttpStatus.OK, r.row(), r.version(), Crs.CRS84, false);
    }

    @PatchMapping("/items/{featureId}")
    ResponseEntity<StreamingResponseBody> update(@PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        JsonNode patch = ClusterEditsController.json(mapper, body, request);
        InterventionGrid.Result r = grid.change(featureId, ifMatch, patch,
                current -> InterventionInput.patch(current, patch), "update", author(request, patch));
        return answer(HttpStatus.OK, r.row(), r.version(), Crs.CRS84, false);
    }

    @DeleteMapping("/items/{featureId}")
    ResponseEntity<Void> delete(@PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        InterventionGrid.Result r = grid.delete(featureId, ifMatch, ClusterEditsController.author(request));
        return ResponseEntity.noContent().header(VERSION, String.valueOf(r.version())).build();
    }

    @ExceptionHandler(RegisterException.class)
    ResponseEntity<Map<String, Object>> refused(RegisterException e) {
        return ResponseEntity.status(RegisterErrors.status(e)).contentType(MediaTypes.JSON)
                .body(RegisterErrors.body(e));
    }

    /** The Change-Comment header, else a {@code comment} property of the body. */
    private static Author author(HttpServletRequest request, JsonNode body) {
        Author a = ClusterEditsController.author(request);
        JsonNode c = body.path("properties").get("comment");
        if (a.comment() == null && c != null && c.isTextual()) {
            return new Author(a.actor(), a.via(), c.asText());
        }
        return a;
    }

    private ResponseEntity<StreamingResponseBody> answer(HttpStatus status, GridRow row, Integer version, Crs crs,
            boolean location) {
        String path = path(row);
        List<Link> links = links(row, Format.JSON);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaTypes.GEOJSON)
                .eTag(row.etag()).header(ItemsController.CONTENT_CRS, crs.header());
        if (version != null) {
            b.header(VERSION, String.valueOf(version));
        }
        if (location) {
            b.location(java.net.URI.create(urls.of(path)));
        }
        return b.body(out -> GeoJsonItems.feature(mapper, out, row, links, (g, x) -> members(g, x, crs)));
    }

    private static String path(GridRow row) {
        return InterventionsCollection.PATH + "/items/" + UriUtils.encodePathSegment(row.row().id(),
                StandardCharsets.UTF_8);
    }

    /** The feature as f, its other encoding and its collection. */
    private List<Link> links(GridRow row, Format f) {
        Format other = f == Format.JSON ? Format.HTML : Format.JSON;
        return List.of(new Link(urls.of(path(row), f), "self", ItemsPage.type(f), "This feature"),
                new Link(urls.of(path(row), other), "alternate", ItemsPage.type(other), "This feature as "
                        + ItemsPage.name(other)), new Link(urls.of(InterventionsCollection.PATH, Format.JSON),
                        "collection", MediaTypes.linkType(MediaTypes.JSON), InterventionsCollection.TITLE));
    }

    static void members(JsonGenerator g, GridRow r, Crs crs) throws IOException {
        g.writeStringField("type", "Feature");
        g.writeStringField("id", r.row().id());
        g.writeFieldName("geometry");
        if (r.anchor() == null) {
            g.writeNull();
        } else {
            GeoJsonWriter.geometry(g, r.anchor(), crs);
        }
        // every property, null ones too: GDAL and QGIS take a layer's fields from the features they read
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : r.properties().entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                g.writeObject(e.getValue());
            }
        }
        g.writeEndObject();
    }
}
