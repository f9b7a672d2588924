package org.clustergrid.model;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * A market a cluster sells into: a settlement with its population, a marketplace, or a global gateway (port,
 * airport).
 *
 * @param population inhabitants, null when unknown
 */
public record Market(
        String id, MarketKind kind, String name, Long population, Point geometry, Map<String, Object> attributes)
        implements LayerFeature {

    public Market {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        attributes = Attributes.copy(attributes);
    }

    @Override
    public Layer layer() {
        return Layer.MARKETS;
    }

    /** Kinds of market. */
    public enum MarketKind {
        CITY,
        TOWN,
        VILLAGE,
        MARKETPLACE,
        PORT,
        AIRPORT;

        public boolean isGateway() {
            return this == PORT || this == AIRPORT;
        }
    }
}
