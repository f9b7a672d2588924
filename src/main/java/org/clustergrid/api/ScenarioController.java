package org.clustergrid.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scenario.ScenarioOutput;
import org.clustergrid.security.web.Callers;
import org.clustergrid.store.StoredScenario;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * What-if scenarios over HTTP: made from a GeoJSON of interventions (analysts), listed, read, evaluated (JSON or
 * CSV) and deleted. See docs/scenarios.md.
 */
@RestController
@RequestMapping("/api/scenarios")
class ScenarioController {
    private final ScenarioService scenarios;
    private final BoundedWork work;

    ScenarioController(ScenarioService scenarios, BoundedWork work) {
        this.scenarios = scenarios;
        this.work = work;
    }

    /** Checked against the current data and stored; every problem at once in a 400, nothing stored. */
    @PostMapping(consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String geojson,
            @RequestParam(required = false) String name, Authentication auth) {
        if (geojson == null || geojson.isBlank()) {
            throw ApiException.badRequest("the body is empty; send the scenario as a GeoJSON FeatureCollection");
        }
        StoredScenario s;
        try {
            s = scenarios.create(geojson, name, Callers.of(auth).name());
        } catch (ScenarioException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/scenarios/" + s.id())
                .body(describe(s));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return scenarios.list().stream().map(this::describe).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable String id) {
        StoredScenario s = find(id);
        Map<String, Object> out = describe(s);
        out.put("geojson", s.geojson());
        return out;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!scenarios.delete(id)) {
            throw ApiException.notFound("no scenario '" + Literals.excerpt(id) + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /** Before and after for every cluster, with the summary; {@code f=csv} for the clusters as CSV. */
    @GetMapping("/{id}/evaluation")
    DeferredResult<ResponseEntity<?>> evaluation(@PathVariable String id,
            @RequestParam(defaultValue = "json") String f) {
        if (!List.of("json", "csv").contains(f)) {
            throw ApiException.badRequest("f must be json or csv, not '" + Literals.excerpt(f) + "'");
        }
        StoredScenario s = find(id);
        return work.submit(() -> {
            ScenarioEvaluation e;
            try {
                e = scenarios.evaluate(s);
            } catch (ScenarioException x) {
                throw new ApiException(HttpStatus.CONFLICT, "scenario '" + s.name() + "' no longer fits the data: "
                        + x.getMessage());
            }
            if (f.equals("csv")) {
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"scenario-" + s.id() + ".csv\"")
                        .body(ScenarioOutput.csv(e).getBytes(StandardCharsets.UTF_8));
            }
            return ResponseEntity.ok(json(s, e));
        });
    }

    private StoredScenario find(String id) {
        return scenarios.get(id).orElseThrow(() -> ApiException.notFound("no scenario '" + Literals.excerpt(id)
                + "'"));
    }

    private Map<String, Object> describe(StoredScenario s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("description", s.description());
        out.put("interventions", s.interventions());
        out.put("created_by", s.createdBy());
        out.put("created_at", s.createdAt().toString());
        out.put("data_version", s.dataVersion());
        String stale = scenarios.staleness(s);
        out.put("stale", stale != null);
        out.put("stale_reason", stale);
        return out;
    }

    private Map<String, Object> json(StoredScenario s, ScenarioEvaluation e) {
        Map<String, Object> out = describe(s);
        out.put("currency", e.currency());
        out.put("interventions", e.priced().stream().map(ScenarioController::priced).toList());
        ScenarioEvaluation.Summary m = e.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("clusters_changed", m.clustersChanged());
        summary.put("gap_closed", m.gapClosed());
        summary.put("priority_gain", m.priorityGain());
        summary.put("lifted_to_target", m.liftedToTarget());
        summary.put("firms_reached", m.firmsReached());
        summary.put("workers_reached", m.workersReached());
        summary.put("total_cost", m.totalCost());
        summary.put("gain_per_cost", m.gainPerCost());
        summary.put("warnings", m.warnings());
        out.put("summary", summary);
        out.put("clusters", e.clusters().stream().map(ScenarioOutput::row).toList());
        return out;
    }

    private static Map<String, Object> priced(ScenarioApplier.Priced p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.intervention().id());
        out.put("kind", p.intervention().kind().id());
        out.put("name", p.intervention().name());
        out.put("cost", p.cost());
        out.put("km", p.km());
        out.put("basis", p.basis());
        return out;
    }
}
