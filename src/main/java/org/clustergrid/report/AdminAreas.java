package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.regions.RegionNames;
import org.clustergrid.store.ContextLayerStore;
import org.clustergrid.store.FeatureQuery;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * The administrative areas a place lies in, where the store knows them: the polygons of the user's own polygon layers
 * (districts, states) that cover it, in layer order, each named by its usual name attribute.
 */
public final class AdminAreas {
    /** Polygons looked at around one place; a region layer has few at one point. */
    private static final int MAX_AT_POINT = 50;

    /** An area covering the place: its layer and its name (null when the layer names none). */
    public record Area(String layer, String layerTitle, String name, Geometry geometry) {
        public String label() {
            String what = layerTitle == null || layerTitle.isBlank() ? layer : layerTitle;
            return what + ": " + (name == null ? "unnamed area" : name);
        }
    }

    private final ContextLayerStore layers;
    private final List<ContextLayer> polygonLayers;

    private AdminAreas(ContextLayerStore layers, List<ContextLayer> polygonLayers) {
        this.layers = layers;
        this.polygonLayers = List.copyOf(polygonLayers);
    }

    /** None known: for data without layers of areas. */
    public static AdminAreas none() {
        return new AdminAreas(null, List.of());
    }

    public static AdminAreas of(ContextLayerStore store) {
        List<ContextLayer> polygons = store.layers().stream().filter(l -> l.geometryKind() == GeometryKind.POLYGON
                || l.geometryKind() == GeometryKind.MIXED).toList();
        return new AdminAreas(store, polygons);
    }

    public List<Area> at(Point p) {
        List<Area> out = new ArrayList<>();
        for (ContextLayer l : polygonLayers) {
            String nameAttribute = RegionNames.attribute(l);
            for (ContextFeature f : layers.features(l, new FeatureQuery(p.getEnvelopeInternal(), 0, MAX_AT_POINT))) {
                if (f.geometry() instanceof Polygonal && f.geometry().covers(p)) {
                    Object name = nameAttribute == null ? null : f.attributes().get(nameAttribute);
                    out.add(new Area(l.name(), l.title(), name == null ? null : name.toString(), f.geometry()));
                }
            }
        }
        return out;
    }
}
