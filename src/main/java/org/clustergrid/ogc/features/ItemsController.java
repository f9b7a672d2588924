package org.clustergrid.ogc.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clustergrid.api.FastGzip;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.model.Layer;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.ClusterTag;
import org.clustergrid.store.FeaturePage;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.store.StoredScenario;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * The features of a collection, paged and filtered, and single features. Every encoding is a
 * {@link StreamingResponseBody}: Spring streams only a return type that declares it.
 */
@RestController
@RequestMapping(FeaturesPath.MAPPING)
class ItemsController {
    /** OGC API – Features Part 2 (/req/crs/ogc-crs-header): the CRS of the coordinates in the body. */
    static final String CONTENT_CRS = "Content-Crs";
    private final SpatialStore store;
    private final ObjectMapper mapper;
    private final Urls urls;
    private final ClusterGridProperties.Api limits;
    private final ContextCollection contextCollection;
    private final ContextItems contextItems;
    private final ScenarioCollection scenarios;
    private final ScenarioItems scenarioItems;
    private final ClusterRegister register;

    ItemsController(SpatialStore store, ObjectMapper mapper, Urls urls, ClusterGridProperties properties,
            ContextCollection contextCollection, ContextItems contextItems, ScenarioCollection scenarios,
            ScenarioItems scenarioItems, ClusterRegister register) {
        this.store = store;
        this.register = register;
        this.scenarios = scenarios;
        this.scenarioItems = scenarioItems;
        this.contextCollection = contextCollection;
        this.contextItems = contextItems;
        this.mapper = mapper;
        this.urls = urls;
        this.limits = properties.api();
    }

    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<StreamingResponseBody> items(@PathVariable String collectionId, HttpServletRequest request) {
        var context = contextCollection.find(collectionId);
        if (context.isPresent()) {
            return contextItems.items(context.get(), request);
        }
        Optional<StoredScenario> scenario = scenario(collectionId);
        if (scenario.isPresent()) {
            return scenarioItems.items(scenario.get(), request);
        }
        Layer layer = CollectionDescriber.layer(collectionId);
        ItemsRequest r = ItemsRequest.parse(layer, request.getParameterMap(), limits.defaultLimit(), limits.maxLimit());
        Format f = Format.of(request, Format.ITEMS);
        FeaturePage page = store.query(layer, r.query());
        ItemsPage p = ItemsPage.of(layer, r, page, f, urls);
        return switch (f) {
            // HTML shows the stored CRS84 whatever crs asked for, and says so
            case HTML -> withCrs(Crs.CRS84, Responses.streamedHtml(HtmlPages.items(p, urls.crumbs("Collections",
                    "/collections", layer.title(), "/collections/" + layer.id()),
                    urls.of("/collections/" + layer.id() + "/items/"), request.getContextPath())));
            case CSV -> FastGzip.body(request, ResponseEntity.ok().contentType(MediaTypes.CSV)
                    .header(CONTENT_CRS, r.crs().header())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + layer.id() + ".csv\"")
                    .header(HttpHeaders.LINK, linkHeader(p)), out -> CsvItems.write(out, p));
            case JSON -> FastGzip.body(request, ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                    .header(CONTENT_CRS, r.crs().header()),
                    out -> GeoJsonItems.collection(mapper, out, p));
        };
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<StreamingResponseBody> item(@PathVariable String collectionId, @PathVariable String featureId,
            HttpServletRequest request, HttpServletResponse response) {
        Crs crs = featureCrs(request);
        Format f = Format.of(request, Format.METADATA);
        var context = contextCollection.find(collectionId);
        if (context.isPresent()) {
            return contextItems.item(context.get(), featureId, crs, f, request.getContextPath());
        }
        Optional<StoredScenario> scenario = scenario(collectionId);
        if (scenario.isPresent()) {
            return scenarioItems.item(scenario.get(), featureId, crs, f, request.getContextPath());
        }
        Layer layer = CollectionDescriber.layer(collectionId);
        StoredFeature feature = store.featureByLayerId(layer, featureId).orElseThrow(() -> OgcException.notFound(
                layer == Layer.CLUSTERS && register.isRetired(featureId) ? "cluster " + featureId + " is retired;"
                        + " its history is at /api/clusters/" + featureId + "/history"
                        : "no feature '" + featureId + "' in collection " + layer.id()));
        if (layer == Layer.CLUSTERS) {
            // Part 4 optimistic locking: the strong tag of this cluster's state, which PUT, PATCH and DELETE take in
            // If-Match; it replaces the weak data-version tag of the conditional reads
            response.setHeader(HttpHeaders.ETAG, ClusterTag.of(feature));
        }
        String path = "/collections/" + layer.id() + "/items/"
                + UriUtils.encodePathSegment(featureId, StandardCharsets.UTF_8);
        List<Link> links = new ArrayList<>();
        links.add(new Link(urls.of(path, f), "self", ItemsPage.type(f), "This feature"));
        Format other = f == Format.JSON ? Format.HTML : Format.JSON;
        links.add(new Link(urls.of(path, other), "alternate", ItemsPage.type(other),
                "This feature as " + ItemsPage.name(other)));
        links.add(new Link(urls.of("/collections/" + layer.id(), Format.JSON), "collection",
                MediaTypes.linkType(MediaTypes.JSON), layer.title()));
        if (f == Format.HTML) {
            return withCrs(Crs.CRS84, Responses.streamedHtml(HtmlPages.feature(feature, links, urls.crumbs(
                    "Collections", "/collections", layer.title(), "/collections/" + layer.id(), "Items",
                    "/collections/" + layer.id() + "/items"), urls.of(path, Format.JSON), request.getContextPath())));
        }
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON).header(CONTENT_CRS, crs.header())
                .body(out -> GeoJsonItems.feature(mapper, out, feature, links, crs));
    }

    /** The scenario of a collection id that is no built-in layer's (nor, as checked before, a context layer's). */
    private Optional<StoredScenario> scenario(String collectionId) {
        return CollectionDescriber.builtIn(collectionId).isPresent() ? Optional.empty() : scenarios.find(collectionId);
    }

    /** A feature takes {@code f} and {@code crs} only (/req/core/query-param-unknown, /req/crs/fc-crs-valid-value). */
    static Crs featureCrs(HttpServletRequest request) {
        for (String p : request.getParameterMap().keySet()) {
            if (!p.equals("f") && !p.equals("crs")) {
                throw OgcException.badRequest("unknown query parameter '" + p + "'; a feature takes only f and crs");
            }
        }
        String[] crs = request.getParameterValues("crs");
        if (crs != null && crs.length != 1) {
            throw OgcException.badRequest("query parameter 'crs' is given more than once");
        }
        return Crs.parse("crs", crs == null ? null : crs[0]);
    }

    private static ResponseEntity<StreamingResponseBody> withCrs(Crs crs, ResponseEntity<StreamingResponseBody> r) {
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).header(CONTENT_CRS, crs.header())
                .body(r.getBody());
    }

    /** CSV has no place for links, so paging travels in the Link header (RFC 8288). */
    private static String linkHeader(ItemsPage p) {
        List<String> parts = new ArrayList<>();
        for (Link l : p.links()) {
            parts.add("<" + l.href() + ">; rel=\"" + l.rel() + "\"; type=\"" + l.type() + "\"");
        }
        return String.join(", ", parts);
    }
}
