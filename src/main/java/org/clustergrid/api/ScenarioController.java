package org.clustergrid.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.scenario.CostProfile;
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
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final int MAX_COMPARED = 5;
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
        StoredScenario s = scenarios.create(geojson, name, Callers.of(auth).name());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/scenarios/" + s.id())
                .body(describe(s));
    }

    /** The cost profile that prices interventions entered without a cost: currency, and each rate with its source. */
    @GetMapping("/costs")
    Map<String, Object> costs() {
        CostProfile c = scenarios.costs();
        Map<String, Object> rates = new LinkedHashMap<>();
        c.rates().forEach((k, r) -> rates.put(k, Map.of("value", r.value(), "unit", r.unit(), "source", r.source())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("currency", c.currency());
        out.put("rates", rates);
        return out;
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

    /**
     * Before and after for every cluster, with the summary; {@code f=csv} for the clusters as CSV, {@code
     * f=geojson} for them with their footprints (a map of the change).
     */
    @GetMapping("/{id}/evaluation")
    DeferredResult<ResponseEntity<?>> evaluation(@PathVariable String id,
            @RequestParam(defaultValue = "json") String f) {
        if (!List.of("json", "csv", "geojson").contains(f)) {
            throw ApiException.badRequest("f must be json, csv or geojson, not '" + Literals.excerpt(f) + "'");
        }
        StoredScenario s = find(id);
        return work.submit(() -> {
            ScenarioEvaluation e = evaluate(s);
            return switch (f) {
                case "csv" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"scenario-" + s.id() + ".csv\"")
                        .body(ScenarioOutput.csv(e).getBytes(StandardCharsets.UTF_8));
                case "geojson" -> ResponseEntity.ok().contentType(GEOJSON).body(ScenarioGeoJson.clusters(e,
                        scenarios.footprints()));
                default -> ResponseEntity.ok(json(s, e));
            };
        });
    }

    /** The interventions on a map: each with its kind, fields and price (drawn dashed where they are lines). */
    @GetMapping("/{id}/interventions")
    DeferredResult<ResponseEntity<?>> interventions(@PathVariable String id) {
        StoredScenario s = find(id);
        return work.submit(() -> ResponseEntity.ok().contentType(GEOJSON).body(ScenarioGeoJson.interventions(
                evaluate(s).priced(), scenarios.roads())));
    }

    /** Two to five scenarios side by side: their summaries, and each changed cluster's priority under each. */
    @GetMapping("/compare")
    DeferredResult<ResponseEntity<?>> compare(@RequestParam String ids) {
        List<String> list = List.of(ids.split(",", -1));
        if (list.size() < 2 || list.size() > MAX_COMPARED) {
            throw ApiException.badRequest("ids names 2 to " + MAX_COMPARED + " scenarios, comma-separated, not "
                    + list.size());
        }
        List<StoredScenario> found = list.stream().map(this::find).toList();
        return work.submit(() -> {
            List<Map<String, Object>> summaries = new java.util.ArrayList<>();
            Map<String, Map<String, Object>> clusters = new java.util.TreeMap<>();
            for (StoredScenario s : found) {
                ScenarioEvaluation e = evaluate(s);
                Map<String, Object> one = describe(s);
                one.put("currency", e.currency());
                one.put("summary", summary(e.summary()));
                summaries.add(one);
                for (ScenarioEvaluation.ClusterChange c : e.clusters()) {
                    if (!c.changed()) {
                        continue;
                    }
                    Map<String, Object> row = clusters.computeIfAbsent(c.id(), k -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("cluster_grid_id", c.id());
                        r.put("name", c.name());
                        r.put("priority_before", c.before().priority());
                        r.put("gap_before", c.before().gap());
                        r.put("after", new LinkedHashMap<String, Object>());
                        return r;
                    });
                    @SuppressWarnings("unchecked")
                    Map<String, Object> after = (Map<String, Object>) row.get("after");
                    Map<String, Object> side = new LinkedHashMap<>();
                    side.put("priority", c.after().priority());
                    side.put("gap", c.after().gap());
                    after.put(s.id(), side);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("scenarios", summaries);
            out.put("clusters", List.copyOf(clusters.values()));
            return ResponseEntity.ok(out);
        });
    }

    private ScenarioEvaluation evaluate(StoredScenario s) {
        try {
            return scenarios.evaluate(s);
        } catch (ScenarioException x) {
            throw new ApiException(HttpStatus.CONFLICT, "scenario '" + s.name() + "' no longer fits the data: "
                    + x.getMessage());
        }
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
        out.put("summary", summary(e.summary()));
        out.put("clusters", e.clusters().stream().map(ScenarioOutput::row).toList());
        return out;
    }

    private static Map<String, Object> summary(ScenarioEvaluation.Summary m) {
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
        return summary;
    }

    static Map<String, Object> priced(ScenarioApplier.Priced p) {
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
