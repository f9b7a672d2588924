package org.clustergrid.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.GridRow;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.register.interventions.InterventionHistory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cluster's Intervention grid for the web map — every row with its ETag, so a form can change it with If-Match
 * without reading it again — and a row's history. Changes go through the OGC API's {@code interventions} collection.
 */
@RestController
class InterventionGridController {
    private final InterventionGrid grid;

    InterventionGridController(InterventionGrid grid) {
        this.grid = grid;
    }

    @GetMapping("/api/clusters/{clusterGridId}/interventions")
    Map<String, Object> ofCluster(@PathVariable String clusterGridId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GridRow r : grid.ofCluster(clusterGridId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.row().id());
            m.put("etag", r.etag());
            m.putAll(r.properties());
            rows.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusterGridId", clusterGridId);
        body.put("rows", rows);
        return body;
    }

    /** Who changed the row when and why, field by field; empty for a computed row nobody has edited. */
    @GetMapping("/api/interventions/{id}/history")
    Map<String, Object> history(@PathVariable String id) {
        List<InterventionHistory.Version> versions = grid.history(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("versions", versions);
        return body;
    }

    @ExceptionHandler(RegisterException.class)
    ResponseEntity<Map<String, Object>> refused(RegisterException e) {
        return ResponseEntity.status(RegisterErrors.status(e)).contentType(MediaType.APPLICATION_JSON)
                .body(RegisterErrors.body(e));
    }
}
