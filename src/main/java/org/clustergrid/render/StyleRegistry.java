package org.clustergrid.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clustergrid.model.Layer;

/**
 * The styles of each layer by name (the first registered for a layer is its default), the computed surfaces served
 * beside the stored layers, and where the feature layers of the moment (the user's own layers, the scenarios') come
 * from.
 */
public final class StyleRegistry {
    private final Map<Layer, List<Style>> styles = new EnumMap<>(Layer.class);
    private final Map<String, Surface> surfaces = new LinkedHashMap<>();
    private Supplier<List<FeatureLayer>> featureLayers = List::of;
    private Supplier<List<Surface>> dataSurfaces = List::of;
    private Supplier<List<FeatureLayer>> scenarioLayers = List::of;

    /** A registry with the built-in default style of every layer. */
    public static StyleRegistry withDefaults() {
        StyleRegistry r = new StyleRegistry();
        r.register(new ClusterStyle());
        r.register(new RoadStyle());
        r.register(new PowerStyle());
        r.register(new FinanceStyle());
        r.register(new MarketStyle());
        return r;
    }

    /** Adds a style; a style of the same layer and name is replaced. */
    public synchronized void register(Style style) {
        List<Style> list = new ArrayList<>(styles.getOrDefault(style.layer(), List.of()));
        list.removeIf(s -> s.name().equals(style.name()));
        list.add(style);
        styles.put(style.layer(), List.copyOf(list));
    }

    /** Adds a computed surface; one of the same name is replaced. */
    public synchronized void register(Surface surface) {
        surfaces.put(surface.name(), surface);
    }

    /**
     * Sets where the surfaces of the data come from (the user's rasters): like the feature layers they change with
     * the data, so they are asked for each time.
     */
    public synchronized void registerDataSurfaces(Supplier<List<Surface>> source) {
        dataSurfaces = source;
    }

    /** The surfaces, bottom of the map first: the data's (rasters, as a base), then the computed ones. */
    public List<Surface> surfaces() {
        Supplier<List<Surface>> source;
        List<Surface> computed;
        synchronized (this) {
            source = dataSurfaces;
            computed = List.copyOf(surfaces.values());
        }
        List<Surface> out = new ArrayList<>(source.get()); // outside the lock: the source may read the store
        out.addAll(computed);
        return out;
    }

    /** A surface by name (case-sensitive, as WMS values are). */
    public Optional<Surface> surface(String name) {
        return surfaces().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Sets where the feature layers come from: they change with the data (imported, deleted), so they are asked for
     * each time rather than registered one by one.
     */
    public synchronized void registerFeatureLayers(Supplier<List<FeatureLayer>> source) {
        featureLayers = source;
    }

    /** The feature layers of the moment, in the source's order. */
    public List<FeatureLayer> featureLayers() {
        Supplier<List<FeatureLayer>> source;
        synchronized (this) {
            source = featureLayers;
        }
        return source.get(); // outside the lock: the source may read the store
    }

    /**
     * Sets where the layers of the stored scenarios come from (their planned features, the clusters' change): feature
     * layers served beside the others but never drawn with them, since they show what is not built.
     */
    public synchronized void registerScenarioLayers(Supplier<List<FeatureLayer>> source) {
        scenarioLayers = source;
    }

    /** The scenarios' layers of the moment, in the source's order. */
    public List<FeatureLayer> scenarioLayers() {
        Supplier<List<FeatureLayer>> source;
        synchronized (this) {
            source = scenarioLayers;
        }
        return source.get(); // outside the lock: the source may read the store
    }

    /** A feature layer by name (case-sensitive): a context layer's, else a scenario's. */
    public Optional<FeatureLayer> featureLayer(String name) {
        Optional<FeatureLayer> context = featureLayers().stream().filter(l -> l.name().equals(name)).findFirst();
        return context.isPresent() ? context
                : scenarioLayers().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public synchronized List<Style> styles(Layer layer) {
        return styles.getOrDefault(layer, Collections.emptyList());
    }

    public Style defaultStyle(Layer layer) {
        List<Style> list = styles(layer);
        if (list.isEmpty()) {
            throw new IllegalStateException("no style for layer " + layer.id());
        }
        return list.get(0);
    }

    /** The named style (case-sensitive, as WMS values are); empty name means the default. */
    public Optional<Style> style(Layer layer, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(defaultStyle(layer));
        }
        return styles(layer).stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
