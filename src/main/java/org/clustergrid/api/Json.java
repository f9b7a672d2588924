package org.clustergrid.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.store.LayerStats;
import org.locationtech.jts.geom.Envelope;

/** JSON shapes of datasets and layers. */
final class Json {
    private Json() {}

    /** A context layer as the API lists it: name, title, geometry kind, attributes and types, count, extent. */
    static Map<String, Object> contextLayer(org.clustergrid.layers.ContextLayer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("title", l.title());
        m.put("geometry", l.geometryKind().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, String> attributes = new LinkedHashMap<>();
        l.attributes().forEach(a -> attributes.put(a.name(), a.type().name().toLowerCase(java.util.Locale.ROOT)));
        m.put("attributes", attributes);
        m.put("featureCount", l.featureCount());
        Envelope b = l.bbox();
        m.put("bbox", b == null ? null : List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
        m.put("source", l.source());
        m.put("licence", l.licence());
        m.put("attribution", l.attribution());
        m.put("file", l.file());
        m.put("importedAt", l.importedAt().toString());
        m.put("styled", l.style() != null);
        List<Map<String, Object>> dimensions = new java.util.ArrayList<>();
        for (var d : l.dimensions()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("name", d.axis().dimensionName());
            dm.put("attribute", d.attribute());
            dm.put("values", d.extent().text());
            dm.put("default", d.defaultValue());
            dm.put("multipleValues", d.multipleValues());
            dm.put("nearestValue", d.nearestValue());
            dimensions.add(dm);
        }
        m.put("dimensions", dimensions);
        return m;
    }

    static Map<String, Object> rasterLayer(org.clustergrid.raster.RasterLayer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("title", l.title());
        m.put("width", l.width());
        m.put("height", l.height());
        m.put("crs", l.crs());
        Envelope b = l.bbox();
        m.put("bbox", List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
        m.put("min", l.minValue());
        m.put("max", l.maxValue());
        m.put("noData", l.noData());
        m.put("ramp", l.colourRamp().text());
        m.put("elevation", l.elevation());
        m.put("source", l.source());
        m.put("licence", l.licence());
        m.put("attribution", l.attribution());
        m.put("file", l.file());
        m.put("bytes", l.bytes());
        m.put("referenced", l.referenced());
        m.put("importedAt", l.importedAt().toString());
        return m;
    }

    static Map<String, Object> dataset(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("source", d.source());
        m.put("licence", d.licence());
        m.put("attribution", d.attribution());
        m.put("importedAt", d.importedAt().toString());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Layer l : Layer.values()) {
            Integer n = d.featureCounts().get(l);
            if (n != null) {
                counts.put(l.id(), n);
            }
        }
        m.put("featureCounts", counts);
        m.put("featureCount", d.featureCount());
        m.put("synthetic", d.synthetic());
        if (d.coverage() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("method", d.coverage().method().id());
            c.put("description", d.coverage().description());
            c.put("layers", d.coverage().layers().stream().sorted().map(Layer::id).toList());
            c.put("bbox", extent(d.coverage().area().getEnvelopeInternal()));
            c.put("geometry", "/api/coverage?dataset=" + d.id());
            m.put("coverage", c);
        }
        return m;
    }

    static Map<String, Object> layer(LayerStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.layer().id());
        m.put("title", s.layer().title());
        m.put("count", s.count());
        m.put("extent", extent(s.extent()));
        m.put("items", "/api/layers/" + s.layer().id() + "/items");
        return m;
    }

    static List<Double> extent(Envelope e) {
        return e == null ? null : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
