package org.clustergrid.ogc.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clustergrid.api.RegisterErrors;
import org.clustergrid.model.Layer;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterInput;
import org.clustergrid.register.ClusterPatch;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.RegisterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 * OGC API – Features Part 4 on the clusters collection: POST creates, PUT replaces, PATCH (JSON Merge Patch) updates
 * and DELETE retires a cluster. Changes need If-Match with the ETag the item was read with (428 without, 412 when
 * it moved on). The other collections are read-only (405). Each change is a version in the cluster's history, with the
 * comment of the {@value #COMMENT} header or the {@code comment} property.
 */
@RestController
@RequestMapping(FeaturesPath.MAPPING)
class ClusterEditsController {
    /** Why a change is made, recorded in its version (percent-encoded UTF-8 allowed). */
    static final String COMMENT = org.clustergrid.api.ChangeAuthor.COMMENT;
    /** The number of the version a change made in the cluster's history. */
    static final String VERSION = "Cluster-Version";
    private final ClusterRegister register;
    private final ObjectMapper mapper;
    private final Urls urls;
    private final ContextCollection contexts;
    private final ScenarioCollection scenarios;

    ClusterEditsController(ClusterRegister register, ObjectMapper mapper, Urls urls, ContextCollection contexts,
            ScenarioCollection scenarios) {
        this.register = register;
        this.mapper = mapper;
        this.urls = urls;
        this.contexts = contexts;
        this.scenarios = scenarios;
    }

    @PostMapping("/collections/{collectionId}/items")
    ResponseEntity<StreamingResponseBody> create(@PathVariable String collectionId,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        clustersOnly(collectionId, HttpMethod.POST);
        ClusterRegister.Result r = register.create(ClusterInput.parse(json(body, request)), author(request));
        return answer(HttpStatus.CREATED, r, true);
    }

    @PutMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<StreamingResponseBody> replace(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        clustersOnly(collectionId, HttpMethod.PUT);
        JsonNode feature = json(body, request);
        JsonNode id = feature.get("id");
        if (id != null && !id.isNull() && !id.asText().equals(featureId)) {
            throw RegisterException.badInput("id", "is '" + id.asText() + "' but the path names " + featureId);
        }
        ClusterInput.Draft draft = ClusterInput.parse(feature);
        return answer(HttpStatus.OK, register.replace(featureId, ifMatch, draft, author(request)), false);
    }

    @PatchMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<StreamingResponseBody> update(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        clustersOnly(collectionId, HttpMethod.PATCH);
        JsonNode patch = json(body, request);
        return answer(HttpStatus.OK, register.update(featureId, ifMatch, current -> ClusterPatch.apply(current, patch),
                author(request)), false);
    }

    @DeleteMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<Void> retire(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        clustersOnly(collectionId, HttpMethod.DELETE);
        int version = register.retire(featureId, ifMatch, author(request));
        return ResponseEntity.noContent().header(VERSION, String.valueOf(version)).build();
    }

    @ExceptionHandler(RegisterException.class)
    ResponseEntity<Map<String, Object>> refused(RegisterException e) {
        return ResponseEntity.status(RegisterErrors.status(e)).contentType(MediaTypes.JSON)
                .body(RegisterErrors.body(e));
    }

    /** 405 with the methods the resource has, as HTTP asks. */
    @ExceptionHandler(ReadOnly.class)
    ResponseEntity<Map<String, Object>> readOnly(ReadOnly e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.GET, HttpMethod.HEAD)
                .contentType(MediaTypes.JSON).body(Map.of("code", "MethodNotAllowed", "description", e.getMessage()));
    }

    /** A write to a collection that is not editable. */
    private static final class ReadOnly extends RuntimeException {
        ReadOnly(String message) {
            super(message);
        }
    }

    /** Part 4 on the clusters only: another collection that exists is read-only (405), one that does not is 404. */
    private void clustersOnly(String collectionId, HttpMethod method) {
        if (collectionId.equals(Layer.CLUSTERS.id())) {
            return;
        }
        if (CollectionDescriber.builtIn(collectionId).isPresent() || contexts.find(collectionId).isPresent()
                || scenarios.find(collectionId).isPresent()) {
            throw new ReadOnly("collection '" + collectionId + "' is read-only; " + method.name()
                    + " is for the clusters collection only");
        }
        throw OgcException.notFound("no collection '" + collectionId
                + "'; see /collections for the collections there are");
    }

    /** GeoJSON or JSON (Merge Patch for PATCH); the body is required. */
    private JsonNode json(byte[] body, HttpServletRequest request) {
        return json(mapper, body, request);
    }

    /** The body of a Part 4 request as JSON, in CRS84; shared by the editable collections. */
    static JsonNode json(ObjectMapper mapper, byte[] body, HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && !MediaType.parseMediaType(type).getSubtype().endsWith("json")) {
            throw new OgcException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", "send the feature as"
                    + " application/geo+json (PATCH: application/merge-patch+json), not " + type);
        }
        String crs = request.getHeader(ItemsController.CONTENT_CRS);
        if (crs != null && !crs.strip().equals("<" + Conformance.CRS84 + ">")) {
            throw RegisterException.badInput("Content-Crs",
                    "coordinates are taken in CRS84 (longitude, latitude) only");
        }
        if (body == null || body.length == 0) {
            throw RegisterException.badInput("body", "a GeoJSON Feature is required");
        }
        try {
            return mapper.readTree(body);
        } catch (java.io.IOException e) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw RegisterException.badInput("body", "not JSON: " + detail);
        }
    }

    static Author author(HttpServletRequest request) {
        return org.clustergrid.api.ChangeAuthor.of(request);
    }

    private ResponseEntity<StreamingResponseBody> answer(HttpStatus status, ClusterRegister.Result r,
            boolean location) {
        String path = "/collections/" + Layer.CLUSTERS.id() + "/items/"
                + UriUtils.encodePathSegment(r.feature().layerId(), StandardCharsets.UTF_8);
        List<Link> links = List.of(new Link(urls.of(path, Format.JSON), "self", ItemsPage.type(Format.JSON),
                "This feature"), new Link(urls.of("/collections/" + Layer.CLUSTERS.id(), Format.JSON), "collection",
                MediaTypes.linkType(MediaTypes.JSON), Layer.CLUSTERS.title()));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaTypes.GEOJSON)
                .eTag(r.etag()).header(VERSION, String.valueOf(r.version()))
                .header(ItemsController.CONTENT_CRS, Crs.CRS84.header());
        if (location) {
            b.location(java.net.URI.create(urls.of(path)));
        }
        for (String w : r.warnings()) {
            b.header(HttpHeaders.WARNING, "299 - \"" + w.replace("\"", "'") + "\"");
        }
        return b.body(out -> GeoJsonItems.feature(mapper, out, r.feature(), links, Crs.CRS84));
    }
}
