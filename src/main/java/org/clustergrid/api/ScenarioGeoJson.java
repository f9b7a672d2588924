package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.PlannedFeature;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioOutput;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** A scenario's evaluation (clusters with their footprints) and its interventions, as GeoJSON (RFC 7946). */
final class ScenarioGeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();

    private ScenarioGeoJson() {}

    /** Every cluster at its footprint, with its row of the evaluation (before, after, what changed). */
    static byte[] clusters(ScenarioEvaluation e, Map<String, Geometry> footprints) {
        return collection(g -> {
            for (ScenarioEvaluation.ClusterChange c : e.clusters()) {
                feature(g, c.id(), footprints.get(c.id()), ScenarioOutput.row(c));
            }
        });
    }

    /**
     * Each intervention at its geometry — an upgrade at the road segments it names ({@code roads} maps their ids to
     * their lines) — with its kind, fields, cost and how it was priced, and {@code planned: true}.
     */
    static byte[] interventions(List<ScenarioApplier.Priced> priced, Map<String, Geometry> roads) {
        return collection(g -> {
            for (ScenarioApplier.Priced p : priced) {
                Intervention x = p.intervention();
                Geometry geometry = x.geometry();
                if (geometry == null) {
                    List<LineString> lines = new ArrayList<>();
                    for (String id : x.roadIds()) {
                        Geometry r = roads.get(id);
                        for (int i = 0; r != null && i < r.getNumGeometries(); i++) {
                            lines.add((LineString) r.getGeometryN(i));
                        }
                    }
                    geometry = GF.createMultiLineString(lines.toArray(LineString[]::new));
                }
                Map<String, Object> props = PlannedFeature.of(x, geometry, null, p.cost(), p.km(), p.basis())
                        .setProperties();
                props.put("planned", true);
                feature(g, x.id(), geometry, props);
            }
        });
    }

    private interface Features {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] collection(Features features) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            features.write(g);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void feature(JsonGenerator g, String id, Geometry geometry, Map<String, Object> props)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", id);
        g.writeFieldName("geometry");
        if (geometry == null) {
            g.writeNull();
        } else {
            GeoJsonWriter.geometry(g, geometry);
        }
        g.writeFieldName("properties");
        JSON.writeValue(g, props);
        g.writeEndObject();
    }
}
