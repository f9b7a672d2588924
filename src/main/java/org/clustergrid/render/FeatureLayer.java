package org.clustergrid.render;

import java.util.List;
import java.util.Map;
import org.clustergrid.render.sld.UserStyle;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer of features that each bring their own symbol, such as a user's own layer drawn by geometry kind. The map
 * asks for the items in a longitude/latitude box and draws them as given; GetFeatureInfo reports their properties.
 * Implementations read the features where they are kept, so this package needs no store.
 */
public non-sealed interface FeatureLayer extends MapLayer {
    /** The name clients ask for in LAYERS. */
    String name();

    String description();

    List<String> keywords();

    /** The longitude/latitude box of all its features; null when it has none. */
    Envelope extent();

    /** The text a map showing its features and its capabilities name as its source, or null. */
    String attribution();

    /**
     * The features intersecting a longitude/latitude box, at most a bounded number of them (a map of any size costs
     * a bounded amount), in the layer's order.
     */
    List<Item> items(Envelope lonLat);

    /**
     * The items at a map scale (OGC scale denominator, {@link Viewport#scaleDenominator}), for layers whose look
     * depends on it (an SLD's scale ranges); a feature drawn with several symbols comes as several items.
     */
    default List<Item> items(Envelope lonLat, double scaleDenominator) {
        return items(lonLat);
    }

    /** This layer drawn with a user style (SLD) instead of its own look; null when it cannot take one. */
    default FeatureLayer styled(UserStyle style) {
        return null;
    }

    /** The name of the style it has besides the default look (a stored SLD), or null when it has none. */
    default String styleName() {
        return null;
    }

    /** Every style it may be asked for by name (a stored SLD's, looks computed from other data), for STYLES. */
    default List<String> styleNames() {
        return styleName() == null ? List.of() : List.of(styleName());
    }

    /** The layer in its style of that name (one of {@link #styleNames}), or null. */
    default FeatureLayer styledAs(String name) {
        return name.equals(styleName()) ? this : null;
    }

    /**
     * A feature as drawn and reported: a longitude/latitude geometry, its symbol and its properties, and the text a
     * style labels it with (placed with the map's other labels, none over another), or null.
     */
    record Item(String id, Geometry geometry, Symbol symbol, Map<String, Object> properties, String label) {
        /** An item without a label. */
        public Item(String id, Geometry geometry, Symbol symbol, Map<String, Object> properties) {
            this(id, geometry, symbol, properties, null);
        }
    }

    @Override
    default FeatureLayer selecting(java.util.Map<org.clustergrid.dimension.Axis, org.clustergrid.dimension.Selection> s) {
        return this;
    }
}
