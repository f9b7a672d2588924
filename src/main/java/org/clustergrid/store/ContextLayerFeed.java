package org.clustergrid.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.filter.Condition;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.measure.LayerSource;
import org.clustergrid.raster.GeoTiffGrid;
import org.clustergrid.raster.RasterLayer;

/**
 * The store's context layers as scoring reads them: vector layers with the filter evaluated by the store, in SQL;
 * raster layers from their GeoTIFF on disk (the store's copy written out once, or the referenced file).
 */
public final class ContextLayerFeed implements LayerSource {
    private final ContextLayerStore layers;
    private final RasterLayerStore rasters;
    private final RasterFileCache files;

    public ContextLayerFeed(ContextLayerStore layers, RasterLayerStore rasters, RasterFileCache files) {
        this.layers = layers;
        this.rasters = rasters;
        this.files = files;
    }

    @Override
    public Optional<ContextLayer> layer(String name) {
        return layers.layer(name);
    }

    @Override
    public List<ContextFeature> features(ContextLayer layer, Condition filter, int limit) {
        return layers.features(layer, new FeatureQuery(null, null, Map.of(), filter, 0, limit));
    }

    @Override
    public Optional<RasterLayer> raster(String name) {
        return rasters.layer(name);
    }

    @Override
    public GeoTiffGrid open(RasterLayer layer) {
        return GeoTiffGrid.open(files.path(layer), layer.crs());
    }
}
