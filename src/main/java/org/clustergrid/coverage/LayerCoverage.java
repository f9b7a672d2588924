package org.clustergrid.coverage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Each layer's coverage: the union of the coverage areas of the datasets that speak for it. A layer no dataset
 * speaks for covers nothing. Immutable and thread-safe (prepared geometries are safe for concurrent reads).
 */
public final class LayerCoverage {
    private static final GeometryFactory GF = new GeometryFactory();

    private final Map<Layer, Geometry> areas = new EnumMap<>(Layer.class);
    private final Map<Layer, PreparedGeometry> prepared = new EnumMap<>(Layer.class);

    private LayerCoverage(Map<Layer, List<Geometry>> parts) {
        parts.forEach((layer, list) -> {
            Geometry union = list.size() == 1 ? list.get(0) : UnaryUnionOp.union(list);
            if (union != null && !union.isEmpty()) {
                areas.put(layer, union);
                prepared.put(layer, PreparedGeometryFactory.prepare(union));
            }
        });
    }

    /** The union, per layer, of the given datasets' coverages. */
    public static LayerCoverage of(List<Coverage> coverages) {
        Map<Layer, List<Geometry>> parts = new EnumMap<>(Layer.class);
        for (Coverage c : coverages) {
            for (Layer l : c.layers()) {
                parts.computeIfAbsent(l, k -> new ArrayList<>()).add(c.area());
            }
        }
        return new LayerCoverage(parts);
    }

    /** Whether the layer has data at the point (lon/lat). */
    public boolean covers(Layer layer, Coordinate at) {
        PreparedGeometry p = prepared.get(layer);
        return p != null && p.covers(GF.createPoint(at));
    }

    /** The layer's covered area; null when no dataset speaks for it. */
    public Geometry area(Layer layer) {
        return areas.get(layer);
    }
}
