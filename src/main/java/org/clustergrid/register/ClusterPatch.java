package org.clustergrid.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.register.ClusterInput.Draft;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A JSON Merge Patch (RFC 7396) of a cluster, as OGC API – Features Part 4 asks of PATCH: applied to the cluster as a
 * GeoJSON Feature, then checked like a whole new state. A member set to null empties that field; members left out
 * keep their value.
 */
public final class ClusterPatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterPatch() {}

    /** The draft the patch makes of {@code current}; refused like any input, naming the field. */
    public static Draft apply(StoredFeature current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw RegisterException.badInput("body", "expected a JSON Merge Patch object");
        }
        JsonNode merged = merge(feature(current), patch);
        Draft draft = ClusterInput.parse(merged);
        JsonNode geometry = patch.get("geometry");
        if (geometry == null) {
            // kept exactly as stored, whatever decimals a JSON round trip would keep
            return new Draft(draft.identity(), draft.properties(), draft.attributes(),
                    current.feature().geometry(), draft.warnings(), draft.comment());
        }
        return draft;
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JSON.createObjectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else {
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
            }
        });
        return out;
    }

    /** The cluster as the Feature a PATCH applies to: canonical properties and attributes as an object. */
    static ObjectNode feature(StoredFeature f) {
        Cluster c = (Cluster) f.feature();
        ObjectNode feature = JSON.createObjectNode();
        feature.put("type", "Feature");
        feature.set("geometry", geometry(c.footprint()));
        ObjectNode props = feature.putObject("properties");
        for (Map.Entry<String, Object> e : LayerProperties.of(c).entrySet()) {
            if (e.getValue() != null) {
                props.set(e.getKey(), JSON.valueToTree(e.getValue()));
            }
        }
        props.put("dataset", f.datasetId());
        if (!c.attributes().isEmpty()) {
            props.set("attributes", JSON.valueToTree(c.attributes()));
        }
        return feature;
    }

    private static ObjectNode geometry(Geometry g) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", g.getGeometryType());
        node.set("coordinates", coordinates(g));
        return node;
    }

    private static JsonNode coordinates(Geometry g) {
        ArrayNode a = JSON.createArrayNode();
        if (g instanceof Point p) {
            return position(p.getCoordinate());
        } else if (g instanceof LineString l) {
            for (Coordinate c : l.getCoordinates()) {
                a.add(position(c));
            }
        } else if (g instanceof Polygon p) {
            a.add(coordinates(p.getExteriorRing()));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                a.add(coordinates(p.getInteriorRingN(i)));
            }
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                a.add(coordinates(g.getGeometryN(i)));
            }
        }
        return a;
    }

    private static ArrayNode position(Coordinate c) {
        return JSON.createArrayNode().add(c.x).add(c.y);
    }
}
