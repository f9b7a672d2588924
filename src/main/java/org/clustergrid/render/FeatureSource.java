package org.clustergrid.render;

import java.util.List;
import org.clustergrid.model.Layer;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;

/** Where the renderer gets the features of a layer inside a longitude/latitude box. */
@FunctionalInterface
public interface FeatureSource {
    List<StoredFeature> features(Layer layer, Envelope lonLat);
}
