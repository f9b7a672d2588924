package org.clustergrid.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.LayerProperties;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** What changed between two states of a cluster, field by field: properties, each attribute, the geometry. */
final class ClusterDiff {
    private ClusterDiff() {}

    /** The changes from {@code before} to {@code after}; {@code before} null lists every field set in after. */
    static List<FieldChange> between(Cluster before, Cluster after) {
        List<FieldChange> out = new ArrayList<>();
        Map<String, Object> a = before == null ? Map.of() : LayerProperties.of(before);
        Map<String, Object> b = LayerProperties.of(after);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            Object from = a.get(e.getKey());
            if (!Objects.equals(text(from), text(e.getValue()))) {
                out.add(new FieldChange(e.getKey(), from, e.getValue()));
            }
        }
        Map<String, Object> attrsBefore = before == null ? Map.of() : before.attributes();
        TreeSet<String> keys = new TreeSet<>(attrsBefore.keySet());
        keys.addAll(after.attributes().keySet());
        for (String k : keys) {
            Object from = attrsBefore.get(k);
            Object to = after.attributes().get(k);
            if (!Objects.equals(text(from), text(to))) {
                out.add(new FieldChange("attributes." + k, from, to));
            }
        }
        Geometry g0 = before == null ? null : before.footprint();
        Geometry g1 = after.footprint();
        if (g0 == null || !g0.equalsExact(g1)) {
            out.add(new FieldChange("geometry", g0 == null ? null : describe(g0, null), describe(g1, g0)));
        }
        return out;
    }

    /** Numbers compare by value whatever their Java type (a stored 12 reads back as Integer or Long). */
    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** Type, vertex count and centroid; with {@code from}, how far the centroid moved, in geodesic metres. */
    static Map<String, Object> describe(Geometry g, Geometry from) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", g.getGeometryType());
        m.put("vertices", g.getNumPoints());
        Point c = g.getCentroid();
        m.put("centroid", List.of(round(c.getX()), round(c.getY())));
        if (from != null) {
            Point c0 = from.getCentroid();
            double moved = Geodesic.distance(c0.getX(), c0.getY(), c.getX(), c.getY());
            m.put("centroid_moved_m", Math.round(moved * 10) / 10.0);
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
