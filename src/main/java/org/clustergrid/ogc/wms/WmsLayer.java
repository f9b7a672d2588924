package org.clustergrid.ogc.wms;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clustergrid.model.Layer;

/**
 * A named WMS layer: one store layer, or the root group drawing them all. The group is not queryable, so
 * GetFeatureInfo asks for the layers themselves.
 */
record WmsLayer(String name, String title, String description, List<String> keywords, List<Layer> layers,
        boolean queryable) {
    static final String ROOT = "clustergrid";

    static final WmsLayer GROUP = new WmsLayer(ROOT, "ClusterGrid",
            "Industrial and MSME clusters with the roads, electricity, finance and markets around them.",
            List.of("clusters", "infrastructure", "MSME"),
            // drawing order, bottom first: networks, then points, clusters on top
            List.of(Layer.ROADS, Layer.POWER, Layer.MARKETS, Layer.FINANCE, Layer.CLUSTERS), false);

    static final List<WmsLayer> CHILDREN = Stream.of(Layer.values()).map(WmsLayer::of).toList();

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
        return new WmsLayer(layer.id(), layer.title(), description, keywords, List.of(layer), true);
    }

    /** The layers top of the map first, as legends list them. */
    List<Layer> legendOrder() {
        List<Layer> order = new java.util.ArrayList<>(layers);
        java.util.Collections.reverse(order);
        return order;
    }

    /** Layer names are case-sensitive values. */
    static Optional<WmsLayer> byName(String name) {
        if (GROUP.name.equals(name)) {
            return Optional.of(GROUP);
        }
        return CHILDREN.stream().filter(l -> l.name.equals(name)).findFirst();
    }
}
