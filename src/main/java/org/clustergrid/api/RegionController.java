package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ScoringService;
import org.clustergrid.filter.Literals;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.regions.RegionAggregator;
import org.clustergrid.regions.RegionCluster;
import org.clustergrid.regions.RegionNames;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/regions/{layer}}: the profile's scores summed up by the polygons of a layer of the user's (districts,
 * states): clusters, firms and employment, each dimension's spread, the share short of target, the top priorities.
 * JSON, or GeoJSON ({@code f=geojson}) with the figures as flat properties, for a choropleth in QGIS. Dimension
 * weights ({@code roads=…&power=…}) sum up a run with those weights instead, computed on the bounded pool.
 */
@RestController
@RequestMapping("/api/regions")
class RegionController {
    /** Most polygons a region layer may have: every request sums them all up. */
    static final int MAX_REGIONS = 20_000;

    private final SpatialStore store;
    private final ScoringService scoring;
    private final ObjectMapper mapper;
    private final WeightedRuns runs;

    RegionController(SpatialStore store, ScoringService scoring, ObjectMapper mapper, WeightedRuns runs) {
        this.store = store;
        this.scoring = scoring;
        this.mapper = mapper;
        this.runs = runs;
    }

    @GetMapping("/{layer}")
    DeferredResult<ResponseEntity<StreamingResponseBody>> regions(@PathVariable String layer,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "5") int top,
            @RequestParam(defaultValue = "json") String f, @RequestParam Map<String, String> params) {
        if (!f.equals("json") && !f.equals("geojson")) {
            throw ApiException.badRequest("f must be json or geojson, not '" + Literals.excerpt(f) + "'");
        }
        return runs.answer(params, run -> answer(sum(layer, name, top, null, run), f));
    }

    private ResponseEntity<StreamingResponseBody> answer(Summed s, String f) {
        if (f.equals("geojson")) {
            return ResponseEntity.ok().contentType(FeatureController.GEOJSON).body(out -> {
                try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                    RegionGeoJson.write(g, s.regions(), s.result(), s.run());
                }
            });
        }
        Map<String, Object> body = header(s);
        body.put("regions", s.result().regions().stream().map(RegionJson::of).toList());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> mapper.writeValue(out, body));
    }

    @GetMapping("/{layer}/{fid}")
    DeferredResult<Map<String, Object>> region(@PathVariable String layer, @PathVariable long fid,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "10") int top,
            @RequestParam Map<String, String> params) {
        return runs.answer(params, run -> {
            Summed s = sum(layer, name, top, fid, run);
            RegionSummary r = s.result().regions().stream().filter(x -> x.fid() == fid).findFirst()
                    .orElseThrow(() -> ApiException.notFound("layer " + layer + " has no region " + fid));
            Map<String, Object> body = header(s);
            body.put("region", RegionJson.of(r));
            return body;
        });
    }

    private record Summed(ContextLayer layer, String nameAttribute, List<ContextFeature> regions,
            RegionAggregator.Result result, ScoringRun run) {}

    private Summed sum(String layerName, String name, int top, Long only, ScoringRun run) {
        if (top < 0 || top > 100) {
            throw ApiException.badRequest("top must be 0 to 100");
        }
        ContextLayer layer = store.contextLayers().layer(layerName).orElseThrow(() -> ApiException.notFound(
                "no layer '" + Literals.excerpt(layerName) + "' of your own; import one with "
                        + "'import layer FILE --as NAME' (see /api/context-layers)"));
        if (layer.geometryKind() != GeometryKind.POLYGON && layer.geometryKind() != GeometryKind.MIXED) {
            throw ApiException.badRequest("layer " + layerName + " holds " + layer.geometryKind().name()
                    .toLowerCase(java.util.Locale.ROOT) + "s; regions need polygons");
        }
        if (layer.featureCount() > MAX_REGIONS) {
            throw ApiException.badRequest("layer " + layerName + " has " + layer.featureCount()
                    + " features; a region layer may have at most " + MAX_REGIONS);
        }
        String nameAttribute = nameAttribute(layer, name);
        List<ContextFeature> regions = store.contextLayers().features(layer, new FeatureQuery(null, 0, MAX_REGIONS));
        if (only != null) {
            regions = regions.stream().filter(r -> r.fid() == only).toList();
        }
        List<RegionCluster> clusters = scoring.regionClusters(run);
        return new Summed(layer, nameAttribute, regions, RegionAggregator.aggregate(regions, nameAttribute,
                clusters, top), run);
    }

    private static String nameAttribute(ContextLayer layer, String asked) {
        if (asked != null) {
            return layer.attribute(asked).map(Attribute::name).orElseThrow(() -> ApiException.badRequest("layer "
                    + layer.name() + " has no attribute '" + Literals.excerpt(asked) + "'; it has "
                    + layer.attributes().stream().map(Attribute::name).toList()));
        }
        return RegionNames.attribute(layer);
    }

    private static Map<String, Object> header(Summed s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", s.layer().name());
        m.put("title", s.layer().title());
        m.put("nameAttribute", s.nameAttribute());
        m.put("run", s.run().id());
        m.put("profile", s.run().profile().name());
        Map<String, Double> weights = new LinkedHashMap<>();
        s.run().weights().values().forEach((d, w) -> weights.put(d.id(), w));
        m.put("weights", weights);
        m.put("dataVersion", s.run().dataVersion());
        m.put("clustersOutside", s.result().outside().size());
        return m;
    }
}
