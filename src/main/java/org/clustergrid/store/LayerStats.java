package org.clustergrid.store;

import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Envelope;

/** Feature count and extent (longitude/latitude; null when the layer is empty) of a layer. */
public record LayerStats(Layer layer, long count, Envelope extent) {}
