package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clustergrid.model.Layer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;

/**
 * A named WMS layer: one store layer, one computed surface, one context layer (a feature layer of the registry), or
 * the root group drawing them all. The group is queryable through its children: GetFeatureInfo on it answers from
 * each of them.
 *
 * @param surfaces names of the registry's surfaces this layer draws, beneath all else
 * @param features names of the registry's feature layers (context layers) this layer draws, above its surfaces and
 *     beneath its store layers
 */
record WmsLayer(String name, String title, String description, List<String> keywords, List<Layer> layers,
        List<String> surfaces, List<String> features, boolean queryable) {
    static final String ROOT = "clustergrid";

    /** Store layers in drawing order, bottom first: networks, then points, clusters on top. */
    static final List<Layer> GROUP_LAYERS = List.of(Layer.ROADS, Layer.POWER, Layer.MARKETS, Layer.FINANCE,
            Layer.CLUSTERS);

    static final List<WmsLayer> STORE_CHILDREN = Stream.of(Layer.values()).map(WmsLayer::of).toList();

    /**
     * The root group: a named parent draws all its children (WMS 1.3.0, 7.2.4.6.2). Surfaces go beneath everything
     * since they cover whole areas; context layers are mostly areas too (districts, zones), so they go above the
     * surfaces but beneath the store layers, whose roads and points stay visible on them.
     */
    static WmsLayer group(StyleRegistry registry) {
        return new WmsLayer(ROOT, "ClusterGrid",
                "Industrial and MSME clusters with the roads, electricity, finance and markets around them.",
                List.of("clusters", "infrastructure", "MSME"), GROUP_LAYERS, surfaceNames(registry),
                registry.featureLayers().stream().map(FeatureLayer::name).toList(), true);
    }

    /** How many layers it draws: more than one makes it a group. */
    int parts() {
        return layers.size() + surfaces.size() + features.size();
    }

    /**
     * The layers GetFeatureInfo on this one reads, the topmost drawn first, so a click finds what it sees: itself,
     * or for the group its queryable children: store layers, context layers, then surfaces, as the map draws them.
     */
    List<WmsLayer> queriedParts(StyleRegistry registry) {
        if (parts() <= 1) {
            return List.of(this);
        }
        List<WmsLayer> out = new ArrayList<>();
        legendOrder().stream().map(WmsLayer::of).forEach(out::add);
        topFirst(features).forEach(name -> registry.featureLayer(name).map(WmsLayer::of).ifPresent(out::add));
        topFirst(surfaces).forEach(name -> registry.surface(name).map(WmsLayer::of).ifPresent(out::add));
        return out.stream().filter(WmsLayer::queryable).toList();
    }

    private static List<String> topFirst(List<String> bottomFirst) {
        List<String> out = new ArrayList<>(bottomFirst);
        Collections.reverse(out);
        return out;
    }

    /** The children of the group: store layers, then surfaces, then context layers. */
    static List<WmsLayer> children(StyleRegistry registry) {
        List<WmsLayer> out = new ArrayList<>(STORE_CHILDREN);
        registry.surfaces().forEach(s -> out.add(of(s)));
        registry.featureLayers().forEach(f -> out.add(of(f)));
        return out;
    }

    private static List<String> surfaceNames(StyleRegistry registry) {
        return registry.surfaces().stream().map(Surface::name).toList();
    }

    static WmsLayer of(Surface s) {
        return new WmsLayer(s.name(), s.title(), s.description(), s.keywords(), List.of(), List.of(s.name()),
                List.of(), true);
    }

    static WmsLayer of(FeatureLayer f) {
        return new WmsLayer(f.name(), f.title(), f.description(), f.keywords(), List.of(), List.of(),
                List.of(f.name()), true);
    }

    static WmsLayer of(Layer layer) {
        String description = switch (layer) {
            case CLUSTERS -> "Industrial and MSME clusters with their Cluster Grid ID, typology, firms and employment.";
            case ROADS -> "Road segments by class and paving, with all-season and motorable flags.";
            case POWER -> "Power lines by voltage, substations, transformers and power plants.";
            case FINANCE -> "Banks, ATMs, co-operatives, microfinance and other finance access points.";
            case MARKETS -> "Cities, towns and villages with population, marketplaces, ports and airports.";
        };
        List<String> keywords = switch (layer) {
            case CLUSTERS -> List.of("industrial cluster", "MSME", "Cluster Grid ID");
            case ROADS -> List.of("roads", "transport", "accessibility");
            case POWER -> List.of("electricity", "power lines", "substations");
            case FINANCE -> List.of("finance", "banks", "financial inclusion");
            case MARKETS -> List.of("markets", "settlements", "ports", "airports");
        };
        return new WmsLayer(layer.id(), layer.title(), description, keywords, List.of(layer), List.of(), List.of(),
                true);
    }

    /** The store layers top of the map first, as legends list them (context layers, then surfaces follow them). */
    List<Layer> legendOrder() {
        List<Layer> order = new ArrayList<>(layers);
        Collections.reverse(order);
        return order;
    }

    /** The context layers top of the map first, as legends list them. */
    List<String> featuresTopFirst() {
        return topFirst(features);
    }

    /** The scenarios' layers, which the group does not draw: they show what is planned, not what is. */
    static List<WmsLayer> scenarioLayers(StyleRegistry registry) {
        return registry.scenarioLayers().stream().map(WmsLayer::of).toList();
    }

    /** Layer names are case-sensitive values. */
    static Optional<WmsLayer> byName(String name, StyleRegistry registry) {
        if (ROOT.equals(name)) {
            return Optional.of(group(registry));
        }
        Optional<WmsLayer> child = children(registry).stream().filter(l -> l.name.equals(name)).findFirst();
        return child.isPresent() || !name.startsWith(PlannedFeatureLayer.PREFIX) ? child
                : scenarioLayers(registry).stream().filter(l -> l.name.equals(name)).findFirst();
    }
}
