package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.dimension.Selection;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.KindSymbols;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Symbol;
import org.clustergrid.render.sld.SldException;
import org.clustergrid.render.sld.SldParser;
import org.clustergrid.render.sld.UserStyle;
import org.clustergrid.store.ContextLayerStore;
import org.clustergrid.store.FeatureQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;

/**
 * A context layer as a WMS map layer: its features read from the store per map box, each drawn with its user style
 * (the stored SLD, or one sent with the request) or else the default symbol of its own geometry
 * ({@link KindSymbols}), reported with its attributes and {@code fid}.
 */
final class ContextFeatureLayer implements FeatureLayer {
    /**
     * Features a map reads of one context layer per world copy (a map shows at most four). Unlike the built-in
     * layers these are not held in memory but read per map with all their attributes, so the bound is lower; beyond
     * it the first in fid order are drawn.
     */
    static final int MAX_FEATURES = 100_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContextFeatureLayer.class);

    private final ContextLayer layer;
    private final ContextLayerStore store;
    /** Null for the default look. */
    private final UserStyle style;
    /** What a request picked of each dimension the layer declares; empty: every feature. */
    private final Map<Axis, Selection> picked;
    /** Its areas' figures under the profile's run, for the {@link RegionScoreLayer} style; null: not offered. */
    private final Function<ContextLayer, Map<Long, RegionSummary>> regions;

    /**
     * The layer in its stored style, if it has one.
     *
     * @param regions its areas' figures for the style colouring them by their clusters' scores; null for none
     */
    ContextFeatureLayer(ContextLayer layer, ContextLayerStore store,
            Function<ContextLayer, Map<Long, RegionSummary>> regions) {
        this(layer, store, stored(layer), Map.of(), regions);
    }

    private ContextFeatureLayer(ContextLayer layer, ContextLayerStore store, UserStyle style,
            Map<Axis, Selection> picked, Function<ContextLayer, Map<Long, RegionSummary>> regions) {
        this.layer = layer;
        this.store = store;
        this.style = style;
        this.picked = picked;
        this.regions = regions;
    }

    /** The stored style; a stored text that no longer parses (checked when stored) falls back to the default. */
    private static UserStyle stored(ContextLayer layer) {
        if (layer.style() == null) {
            return null;
        }
        try {
            return SldParser.parse(layer.style()).styleFor(layer.name());
        } catch (SldException e) {
            LOG.warn("the stored style of layer {} is not used: {}", layer.name(), e.getMessage());
            return null;
        }
    }

    @Override
    public FeatureLayer styled(UserStyle other) {
        return new ContextFeatureLayer(layer, store, other, picked, regions);
    }

    @Override
    public List<Dimension> dimensions() {
        return layer.dimensions();
    }

    @Override
    public ContextFeatureLayer selecting(Map<Axis, Selection> s) {
        Map<Axis, Selection> mine = new EnumMap<>(Axis.class);
        layer.dimensions().forEach(d -> {
            if (s.containsKey(d.axis())) {
                mine.put(d.axis(), s.get(d.axis()));
            }
        });
        return mine.isEmpty() ? this : new ContextFeatureLayer(layer, store, style, Map.copyOf(mine), regions);
    }

    /** Whether the feature's dimension attributes hold values the request picked. */
    private boolean picked(ContextFeature f) {
        for (Dimension d : layer.dimensions()) {
            Selection s = picked.get(d.axis());
            if (s != null && !s.matchesAttribute(f.attributes().get(d.attribute()))) {
                return false;
            }
        }
        return true;
    }

    /** The stored style's name in capabilities and STYLES ({@link UserStyle#nameFor}). */
    @Override
    public String styleName() {
        return style == null ? null : style.nameFor(layer.name());
    }

    @Override
    public List<String> styleNames() {
        List<String> out = new ArrayList<>();
        if (styleName() != null) {
            out.add(styleName());
        }
        if (regions != null && !out.contains(RegionScoreLayer.NAME)) {
            out.add(RegionScoreLayer.NAME);
        }
        return out;
    }

    /** Its stored style by name, or its areas by their clusters' scores ({@link RegionScoreLayer#NAME}). */
    @Override
    public FeatureLayer styledAs(String name) {
        if (name.equals(styleName())) {
            return this;
        }
        if (regions != null && name.equals(RegionScoreLayer.NAME)) {
            return new RegionScoreLayer(new ContextFeatureLayer(layer, store, null, picked, null),
                    regions.apply(layer));
        }
        return null;
    }

    /** The title of its style, for capabilities. */
    String styleTitle() {
        return style == null || style.displayTitle() == null ? styleName() : style.displayTitle();
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
        return style == null ? KindSymbols.legend(layer.geometryKind()) : style.legend();
    }

    @Override
    public List<Item> items(Envelope lonLat) {
        return items(lonLat, Double.NaN);
    }

    @Override
    public List<Item> items(Envelope lonLat, double scaleDenominator) {
        List<ContextFeature> features = store.features(layer, new FeatureQuery(lonLat, 0, MAX_FEATURES));
        List<Item> out = new ArrayList<>(features.size());
        for (ContextFeature f : features) {
            // filtered as read: the bound above counts the box's features before the dimensions pick theirs
            if (!picked.isEmpty() && !picked(f)) {
                continue;
            }
            String id = layer.name() + "." + f.fid();
            Map<String, Object> properties = properties(f);
            Geometry g = f.geometry();
            // parts of several kinds: each part drawn as what it is
            List<Geometry> parts = g.getClass() != GeometryCollection.class ? List.of(g)
                    : java.util.stream.IntStream.range(0, g.getNumGeometries()).mapToObj(g::getGeometryN).toList();
            List<Symbol> symbols = style == null ? null : style.symbols(properties, scaleDenominator);
            // a label once a feature, on its first part
            String label = style == null ? null : style.label(properties, scaleDenominator);
            for (Geometry part : parts) {
                if (symbols == null) {
                    out.add(new Item(id, part, KindSymbols.of(part), properties));
                } else {
                    // every symbol of every rule that takes it, in rule order
                    for (Symbol s : symbols) {
                        out.add(new Item(id, part, s, properties, label));
                        label = null;
                    }
                }
            }
            if (label != null) { // a rule that only labels
                out.add(new Item(id, parts.get(0), null, properties, label));
            }
        }
        return out;
    }

    /** The attributes as text and numbers (dates as ISO text, as the OGC API shows them), and the fid. */
    private static Map<String, Object> properties(ContextFeature f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fid", f.fid());
        out.putAll(f.plainAttributes());
        return out;
    }
}
