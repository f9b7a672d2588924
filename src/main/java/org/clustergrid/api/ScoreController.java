package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.app.ScoringService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.app.limits.Limits;
import org.clustergrid.filter.Literals;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.model.Typology.Setting;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ProfileReader;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.scoring.Weights;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Scores over HTTP: every cluster ranked (GeoJSON, CSV or JSON), one cluster's breakdown, any point or drawn
 * polygon, re-scoring with custom weights ({@code roads}, {@code power}, {@code finance}, {@code markets} parameters)
 * or with an uploaded profile, and the stored runs.
 */
@RestController
@RequestMapping("/api")
class ScoreController {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private final ScoringService scoring;
    private final ObjectMapper mapper;
    private final BoundedWork work;
    private final Limits limits;
    private final WeightedRuns runs;

    ScoreController(ScoringService scoring, ObjectMapper mapper, BoundedWork work, ClusterGridProperties properties,
            WeightedRuns runs) {
        this.scoring = scoring;
        this.runs = runs;
        this.mapper = mapper;
        this.work = work;
        this.limits = properties.limits();
    }

    @GetMapping("/scores")
    DeferredResult<ResponseEntity<StreamingResponseBody>> scores(@RequestParam(defaultValue = "geojson") String f,
            @RequestParam Map<String, String> params) {
        if (!List.of("csv", "json", "geojson").contains(f)) {
            throw ApiException.badRequest("f must be geojson, csv or json, not '" + Literals.excerpt(f) + "'");
        }
        return runs.answer(params, run -> render(f, run));
    }

    private ResponseEntity<StreamingResponseBody> render(String f, ScoringRun run) {
        List<ScoringRun.Ranked> ranked = run.byRank();
        return switch (f) {
            case "csv" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"cluster-scores.csv\"")
                    .body(out -> out.write(ScoreOutput.csv(ranked).getBytes(StandardCharsets.UTF_8)));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(out -> mapper.writeValue(out, runJson(run, ranked)));
            case "geojson" -> ResponseEntity.ok().contentType(FeatureController.GEOJSON)
                    .body(out -> writeGeoJson(out, run, ranked));
            default -> throw new IllegalStateException(f);
        };
    }

    @GetMapping("/scores/{clusterGridId}")
    DeferredResult<Map<String, Object>> cluster(@PathVariable String clusterGridId,
            @RequestParam Map<String, String> params) {
        return runs.answer(params, run -> breakdown(run, clusterGridId));
    }

    private static Map<String, Object> breakdown(ScoringRun run, String clusterGridId) {
        for (ScoringRun.Ranked r : run.ranked()) {
            if (r.score().id().equals(clusterGridId)) {
                Map<String, Object> m = ScoreOutput.breakdown(r);
                m.put("run", runHeader(run));
                return m;
            }
        }
        throw ApiException.notFound("no cluster with Cluster Grid ID '" + Literals.excerpt(clusterGridId) + "'");
    }

    @GetMapping("/scores/point")
    DeferredResult<Map<String, Object>> point(@RequestParam double lon, @RequestParam double lat,
            @RequestParam Map<String, String> params) {
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) { // also NaN
            throw ApiException.badRequest("lon/lat " + lon + "," + lat + " is outside longitude/latitude range");
        }
        return scoreGeometry(GF.createPoint(new Coordinate(lon, lat)), params);
    }

    /** Scores a drawn point or polygon: a GeoJSON geometry or Feature in the body. */
    @PostMapping(path = "/scores/geometry", consumes = {"application/json", "application/geo+json"})
    DeferredResult<Map<String, Object>> geometry(@RequestBody(required = false) String body,
            @RequestParam Map<String, String> params) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the body is empty; send a GeoJSON geometry or Feature");
        }
        return scoreGeometry(GeoJsonFeatureReader.parseGeometry(body, limits.geometryVertices(),
                limits.geometryCrossings()), params);
    }

    /**
     * Runs an uploaded profile (YAML) on the current data; an incomplete profile, or one asking more than the limits
     * allow, is a 400 naming what is wrong. Only YAML types: a form or text/plain post from another site is refused.
     */
    @PostMapping(path = "/scores/profile", consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    DeferredResult<Map<String, Object>> withProfile(@RequestBody(required = false) String yaml) throws IOException {
        if (yaml == null || yaml.isBlank()) {
            throw ApiException.badRequest("the body is empty; send a scoring profile (YAML)");
        }
        var profile = ProfileReader.read("uploaded profile",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                limits.profile().toProfileLimits());
        return work.submit(() -> {
            ScoringRun run = scoring.run(profile);
            return runJson(run, run.byRank());
        });
    }

    @GetMapping("/scoring/profile")
    Map<String, Object> profile() {
        var p = scoring.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("hash", p.hash());
        Map<String, Double> w = new LinkedHashMap<>();
        p.dimensionWeights().values().forEach((d, v) -> w.put(d.id(), v));
        m.put("weights", w);
        m.put("parameters", p.parameters());
        m.put("completeness", Map.of("min_dimension", p.completeness().minDimension(),
                "min_composite", p.completeness().minComposite()));
        if (!p.layerIndicators().isEmpty()) {
            m.put("layer_indicators", p.layerIndicators().stream().map(ScoreOutput::describe).toList());
        }
        return m;
    }

    @GetMapping("/scoring/runs")
    List<Map<String, Object>> runs() {
        return scoring.storedRuns();
    }

    @GetMapping("/scoring/runs/{id}")
    Map<String, Object> run(@PathVariable String id) {
        return scoring.storedRun(id).orElseThrow(() -> ApiException.notFound("no scoring run '" + id + "'"));
    }

    private DeferredResult<Map<String, Object>> scoreGeometry(Geometry g, Map<String, String> params) {
        Integer size = params.containsKey("size") ? size(params.get("size")) : null;
        Typology typology = typology(params);
        Set<MarketScope> markets = markets(params);
        Weights asked = runs.weights(params);
        Weights weights = asked == null ? scoring.profile().dimensionWeights() : asked;
        return work.submit(() -> {
            ScoringEngine engine = scoring.engine();
            Envelope extent = engine.extent();
            if (extent.isNull() || !extent.intersects(g.getEnvelopeInternal())) {
                throw ApiException.badRequest("the " + g.getGeometryType().toLowerCase(Locale.ROOT)
                        + " lies outside the extent of every layer " + Json.extent(extent.isNull() ? null : extent));
            }
            ClusterScore s = engine.scoreGeometry("query", g, typology, markets, size, weights);
            return ScoreOutput.breakdown(new ScoringRun.Ranked(s, null, null, null, null));
        });
    }

    /** Custom weights from the request; null when it gives none. */
    private static Typology typology(Map<String, String> params) {
        return new Typology(parse(params.get("typology"), ClusterType.class, "typology"),
                parse(params.get("setting"), Setting.class, "setting"));
    }

    private static Set<MarketScope> markets(Map<String, String> params) {
        Set<MarketScope> out = EnumSet.noneOf(MarketScope.class);
        String v = params.get("markets_served");
        if (v != null) {
            for (String s : v.split("[,;]")) {
                out.add(parse(s, MarketScope.class, "markets_served"));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(String v, Class<E> type, String name) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " '" + Literals.excerpt(v) + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** A cluster's size (employment or firms): a whole number of 0 or more. */
    private static int size(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("size must be a whole number from 0 to " + Integer.MAX_VALUE + ", not '"
                + Literals.excerpt(v) + "'");
    }

    private Map<String, Object> runJson(ScoringRun run, List<ScoringRun.Ranked> ranked) {
        Map<String, Object> m = runHeader(run);
        m.put("clusters", ranked.stream().map(ScoreOutput::summary).toList());
        return m;
    }

    static Map<String, Object> runHeader(ScoringRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.id());
        m.put("profile", run.profile().name());
        m.put("profileHash", run.profile().hash());
        Map<String, Double> w = new LinkedHashMap<>();
        run.weights().values().forEach((d, v) -> w.put(d.id(), v));
        m.put("weights", w);
        m.put("dataVersion", run.dataVersion());
        m.put("createdAt", run.createdAt().toString());
        return m;
    }

    private void writeGeoJson(java.io.OutputStream out, ScoringRun run, List<ScoringRun.Ranked> ranked)
            throws IOException {
        Map<String, Geometry> footprints = new HashMap<>();
        for (StoredFeature f : scoring.engine().data().clusters()) {
            footprints.put(f.layerId(), f.feature().geometry());
        }
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeObjectField("run", runHeader(run));
            g.writeNumberField("numberReturned", ranked.size());
            g.writeArrayFieldStart("features");
            for (ScoringRun.Ranked r : ranked) {
                Geometry geom = footprints.get(r.score().id());
                if (geom == null) {
                    continue; // the data changed under this run; the next request scores the new data
                }
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", r.score().id());
                g.writeFieldName("geometry");
                GeoJsonWriter.geometry(g, geom);
                g.writeObjectField("properties", ScoreOutput.summary(r));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
