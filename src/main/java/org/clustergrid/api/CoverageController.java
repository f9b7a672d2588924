package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.clustergrid.app.ScoringService;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Where the data are: every dataset's coverage as a GeoJSON feature, the very areas the scoring uses (recorded at
 * import, or derived from the features of datasets imported before coverage was kept).
 */
@RestController
@RequestMapping("/api")
class CoverageController {
    private final ScoringService scoring;
    private final ObjectMapper mapper;

    CoverageController(ScoringService scoring, ObjectMapper mapper) {
        this.scoring = scoring;
        this.mapper = mapper;
    }

    @GetMapping("/coverage")
    ResponseEntity<StreamingResponseBody> coverage(@RequestParam(required = false) String dataset) {
        Map<String, Coverage> all = scoring.engine().data().coverages();
        if (dataset != null && !all.containsKey(dataset)) {
            throw ApiException.notFound("no dataset '" + dataset + "' with a coverage; datasets are " + all.keySet());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(out -> write(out, all, dataset));
    }

    private void write(OutputStream out, Map<String, Coverage> all, String only) throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Map.Entry<String, Coverage> e : all.entrySet()) {
                if (only != null && !only.equals(e.getKey())) {
                    continue;
                }
                Coverage c = e.getValue();
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", e.getKey());
                g.writeFieldName("geometry");
                GeoJsonWriter.geometry(g, c.area());
                g.writeObjectFieldStart("properties");
                g.writeStringField("dataset", e.getKey());
                g.writeArrayFieldStart("layers");
                for (Layer l : c.layers().stream().sorted().toList()) {
                    g.writeString(l.id());
                }
                g.writeEndArray();
                g.writeStringField("method", c.method().id());
                g.writeStringField("description", c.description());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
