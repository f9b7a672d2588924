package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.regions.RegionAggregator;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.scoring.ScoringRun;

/** Regions as a GeoJSON FeatureCollection: each polygon with its figures as flat properties. */
final class RegionGeoJson {
    private RegionGeoJson() {}

    static void write(JsonGenerator g, List<ContextFeature> regions, RegionAggregator.Result result, ScoringRun run)
            throws IOException {
        Map<Long, RegionSummary> byFid = new HashMap<>();
        result.regions().forEach(r -> byFid.put(r.fid(), r));
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeStringField("run", run.id());
        g.writeArrayFieldStart("features");
        for (ContextFeature f : regions) {
            RegionSummary r = byFid.get(f.fid());
            if (r == null) {
                continue; // not a polygon
            }
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeNumberField("id", f.fid());
            g.writeFieldName("geometry");
            GeoJsonWriter.geometry(g, f.geometry());
            g.writeObjectField("properties", RegionJson.flat(r));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
