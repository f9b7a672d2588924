package org.clustergrid.ogc.wms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.KindSymbols;
import org.clustergrid.render.LegendItem;
import org.clustergrid.store.ContextLayerStore;
import org.clustergrid.store.FeatureQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;

/**
 * A context layer as a WMS map layer: its features read from the store per map box, each drawn with the default
 * symbol of its own geometry ({@link KindSymbols}), reported with its attributes and {@code fid}.
 */
final class ContextFeatureLayer implements FeatureLayer {
    /**
     * Features a map reads of one context layer per world copy (a map shows at most four). Unlike the built-in
     * layers these are not held in memory but read per map with all their attributes, so the bound is lower; beyond
     * it the first in fid order are drawn.
     */
    static final int MAX_FEATURES = 100_000;

    private final ContextLayer layer;
    private final ContextLayerStore store;

    ContextFeatureLayer(ContextLayer layer, ContextLayerStore store) {
        this.layer = layer;
        this.store = store;
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public String title() {
        return layer.title() == null || layer.title().isBlank() ? layer.name() : layer.title();
    }

    @Override
    public String description() {
        String kind = layer.geometryKind().name().toLowerCase(Locale.ROOT);
        StringBuilder s = new StringBuilder("Imported layer of ").append(layer.featureCount()).append(' ')
                .append(kind).append(layer.featureCount() == 1 ? " feature" : " features");
        if (layer.file() != null && !layer.file().isBlank()) {
            s.append(" from ").append(layer.file());
        }
        if (layer.source() != null && !layer.source().isBlank()) {
            s.append("; source: ").append(layer.source());
        }
        if (layer.licence() != null && !layer.licence().isBlank()) {
            s.append("; licence: ").append(layer.licence());
        }
        return s.append('.').toString();
    }

    @Override
    public List<String> keywords() {
        return List.of("context layer", layer.geometryKind().name().toLowerCase(Locale.ROOT), layer.name());
    }

    @Override
    public Envelope extent() {
        return layer.bbox();
    }

    @Override
    public String attribution() {
        return layer.attribution() == null || layer.attribution().isBlank() ? null : layer.attribution().strip();
    }

    @Override
    public List<LegendItem> legend() {
        return KindSymbols.legend(layer.geometryKind());
    }

    @Override
    public List<Item> items(Envelope lonLat) {
        List<ContextFeature> features = store.features(layer, new FeatureQuery(lonLat, 0, MAX_FEATURES));
        List<Item> out = new ArrayList<>(features.size());
        for (ContextFeature f : features) {
            String id = layer.name() + "." + f.fid();
            Map<String, Object> properties = properties(f);
            Geometry g = f.geometry();
            if (g.getClass() == GeometryCollection.class) {
                // parts of several kinds: each part drawn as what it is
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Geometry part = g.getGeometryN(i);
                    out.add(new Item(id, part, KindSymbols.of(part), properties));
                }
            } else {
                out.add(new Item(id, g, KindSymbols.of(g), properties));
            }
        }
        return out;
    }

    /** The attributes as text and numbers (dates as ISO text, as the OGC API shows them), and the fid. */
    private static Map<String, Object> properties(ContextFeature f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fid", f.fid());
        f.attributes().forEach((k, v) -> out.put(k, v instanceof LocalDate || v instanceof Instant ? v.toString() : v));
        return out;
    }
}
