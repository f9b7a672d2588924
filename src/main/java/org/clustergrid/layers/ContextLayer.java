package org.clustergrid.layers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clustergrid.dimension.Dimension;
import org.locationtech.jts.geom.Envelope;

/**
 * A user's own vector layer as the store keeps it: its name (the WMS layer, collection and tile id), title, geometry
 * kind, attributes, extent and provenance, and the map style a user gave it (SLD; null for the default).
 *
 * @param bbox null when the layer has no feature
 * @param dimensions the WMS dimensions (elevation, time) it declares on attributes; empty for none
 */
public record ContextLayer(String name, String title, GeometryKind geometryKind, List<Attribute> attributes,
        long featureCount, Envelope bbox, String source, String licence, String attribution, String file,
        Instant importedAt, String style, List<Dimension> dimensions) {

    public ContextLayer {
        attributes = List.copyOf(attributes);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    /** A layer that declares no dimension. */
    public ContextLayer(String name, String title, GeometryKind geometryKind, List<Attribute> attributes,
            long featureCount, Envelope bbox, String source, String licence, String attribution, String file,
            Instant importedAt, String style) {
        this(name, title, geometryKind, attributes, featureCount, bbox, source, licence, attribution, file,
                importedAt, style, List.of());
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public ContextLayer withStyle(String sld) {
        return new ContextLayer(name, title, geometryKind, attributes, featureCount, bbox, source, licence,
                attribution, file, importedAt, sld, dimensions);
    }
}
