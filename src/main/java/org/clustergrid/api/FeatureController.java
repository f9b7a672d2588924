package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Set;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.model.Layer;
import org.clustergrid.store.FeaturePage;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Layer features as GeoJSON, with bbox filtering and paging by {@code limit}/{@code offset} and {@code next} links. */
@RestController
@RequestMapping("/api")
class FeatureController {
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    private static final Set<String> ITEM_PARAMS = Set.of("bbox", "limit", "offset", "f");

    private final SpatialStore store;
    private final ObjectMapper mapper;
    private final ClusterGridProperties.Api limits;

    FeatureController(SpatialStore store, ObjectMapper mapper, ClusterGridProperties properties) {
        this.store = store;
        this.mapper = mapper;
        this.limits = properties.api();
    }

    @GetMapping("/layers/{layer}/items")
    ResponseEntity<StreamingResponseBody> items(@PathVariable String layer, HttpServletRequest request,
            @RequestParam(required = false) String bbox, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset) {
        return page(CatalogController.layerOf(layer), request, bbox, limit, offset);
    }

    @GetMapping("/clusters")
    ResponseEntity<StreamingResponseBody> clusters(HttpServletRequest request,
            @RequestParam(required = false) String bbox, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset) {
        return page(Layer.CLUSTERS, request, bbox, limit, offset);
    }

    @GetMapping("/layers/{layer}/items/{featureId}")
    ResponseEntity<StreamingResponseBody> item(@PathVariable String layer, @PathVariable String featureId) {
        Layer l = CatalogController.layerOf(layer);
        return single(store.featureByLayerId(l, featureId).orElseThrow(() -> ApiException.notFound(
                "no feature '" + featureId + "' in layer " + l.id())));
    }

    @GetMapping("/clusters/{clusterGridId}")
    ResponseEntity<StreamingResponseBody> cluster(@PathVariable String clusterGridId) {
        return single(store.clusterByGridId(clusterGridId).orElseThrow(() -> ApiException.notFound(
                "no cluster with Cluster Grid ID '" + clusterGridId + "'")));
    }

    private ResponseEntity<StreamingResponseBody> page(Layer layer, HttpServletRequest request, String bbox,
            Integer limit, Long offset) {
        for (String p : request.getParameterMap().keySet()) {
            if (!ITEM_PARAMS.contains(p)) {
                throw ApiException.badRequest("unknown query parameter '" + p + "'; allowed: " + ITEM_PARAMS);
            }
        }
        int lim = limit == null ? limits.defaultLimit() : limit;
        if (lim < 1 || lim > limits.maxLimit()) {
            throw ApiException.badRequest("limit must be between 1 and " + limits.maxLimit() + "; got " + lim);
        }
        long off = offset == null ? 0 : offset;
        if (off < 0) {
            throw ApiException.badRequest("offset must not be negative; got " + off);
        }
        FeaturePage page = store.query(layer, new FeatureQuery(Bbox.parse(bbox), off, lim));
        String next = off + page.features().size() < page.numberMatched() ? link(off + lim) : null;
        String prev = off > 0 ? link(Math.max(0, off - lim)) : null;
        String self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
        // links are made here: the body is written on another thread, without the request at hand
        StreamingResponseBody body = out -> writeCollection(out, page, self, next, prev);
        return FastGzip.body(request, ResponseEntity.ok().contentType(GEOJSON), body);
    }

    private static String link(long offset) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset).build()
                .toUriString();
    }

    private void writeCollection(OutputStream out, FeaturePage page, String self, String next, String prev)
            throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberMatched", page.numberMatched());
            g.writeNumberField("numberReturned", page.features().size());
            g.writeStringField("timeStamp", Instant.now().toString());
            g.writeArrayFieldStart("links");
            link(g, "self", self);
            if (next != null) {
                link(g, "next", next);
            }
            if (prev != null) {
                link(g, "prev", prev);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("features");
            for (StoredFeature f : page.features()) {
                GeoJsonWriter.feature(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void link(JsonGenerator g, String rel, String href) throws IOException {
        g.writeStartObject();
        g.writeStringField("rel", rel);
        g.writeStringField("type", GEOJSON.toString());
        g.writeStringField("href", href);
        g.writeEndObject();
    }

    private ResponseEntity<StreamingResponseBody> single(StoredFeature f) {
        StreamingResponseBody body = out -> {
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                GeoJsonWriter.feature(g, f);
            }
        };
        return ResponseEntity.ok().contentType(GEOJSON).body(body);
    }
}
