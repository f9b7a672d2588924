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
