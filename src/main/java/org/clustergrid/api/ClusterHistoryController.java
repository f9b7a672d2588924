package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.ClusterVersion;
import org.clustergrid.register.RegisterException;
import org.clustergrid.security.Caller;
import org.clustergrid.security.web.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A cluster's history: its versions (who, when, why, what changed), any earlier state as GeoJSON, and restoring one,
 * which makes a new version. A retired cluster's history stays readable and restorable.
 */
@RestController
@RequestMapping("/api/clusters/{clusterGridId}/history")
class ClusterHistoryController {
    private final ClusterRegister register;
    private final ObjectMapper mapper;

    ClusterHistoryController(ClusterRegister register, ObjectMapper mapper) {
        this.register = register;
        this.mapper = mapper;
    }

    @GetMapping
    Map<String, Object> versions(@PathVariable String clusterGridId) {
        List<ClusterVersion> versions = register.history(clusterGridId);
        String base = base(clusterGridId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ClusterVersion v : versions) {
            Map<String, Object> m = summary(v);
            m.put("href", base + "/" + v.version());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusterGridId", clusterGridId);
        body.put("retired", versions.get(versions.size() - 1).retired());
        body.put("latest", versions.get(versions.size() - 1).version());
        body.put("versions", out);
        return body;
    }

    /** The cluster as it was in that version: a GeoJSON Feature, the version's record in a {@code version} member. */
    @GetMapping("/{version}")
    ResponseEntity<StreamingResponseBody> version(@PathVariable String clusterGridId, @PathVariable int version) {
        ClusterVersion v = register.version(clusterGridId, version);
        return ResponseEntity.ok().contentType(FeatureController.GEOJSON).body(out -> {
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                g.writeStartObject();
                GeoJsonWriter.featureMembers(g, v.feature());
                g.writeObjectField("version", summary(v));
                g.writeEndObject();
            }
        });
    }

    /** Makes that version current again; If-Match, when given, must name the current state. */
    @PostMapping("/{version}/restore")
    ResponseEntity<StreamingResponseBody> restore(@PathVariable String clusterGridId, @PathVariable int version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
        Caller caller = Callers.of(SecurityContextHolder.getContext().getAuthentication());
        String comment = request.getHeader("Change-Comment");
        Author author = new Author(caller.name(), caller.via(),
                comment == null ? null : UriUtils.decode(comment, StandardCharsets.UTF_8));
        ClusterRegister.Result r = register.restore(clusterGridId, version, ifMatch, author);
        return ResponseEntity.ok().contentType(FeatureController.GEOJSON).eTag(r.etag())
                .header("Cluster-Version", String.valueOf(r.version()))
                .body(out -> {
                    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                        GeoJsonWriter.feature(g, r.feature());
                    }
                });
    }

    @ExceptionHandler(RegisterException.class)
    ResponseEntity<Map<String, Object>> refused(RegisterException e) {
        return ResponseEntity.status(RegisterErrors.status(e)).contentType(MediaType.APPLICATION_JSON)
                .body(RegisterErrors.body(e));
    }

    private static Map<String, Object> summary(ClusterVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("action", v.action().id());
        m.put("at", v.changedAt().toString());
        m.put("actor", v.actor());
        m.put("via", v.via());
        m.put("comment", v.comment());
        m.put("dataset", v.datasetId());
        m.put("retired", v.retired());
        m.put("changes", v.changes());
        return m;
    }

    private static String base(String clusterGridId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/clusters/").build().toUriString()
                + UriUtils.encodePathSegment(clusterGridId, StandardCharsets.UTF_8) + "/history";
    }
}
