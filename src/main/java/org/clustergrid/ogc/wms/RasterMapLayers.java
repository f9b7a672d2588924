package org.clustergrid.ogc.wms;

import java.util.List;
import java.util.function.Supplier;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.raster.GeoTiffGrid;
import org.clustergrid.raster.RasterSurface;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.SpatialStore;
import org.springframework.stereotype.Component;

/**
 * Supplies the style registry with the raster layers as map surfaces, listed again only when the data version moves
 * (an import or a delete), so capabilities and maps follow them without a query per request.
 */
@Component
class RasterMapLayers implements Supplier<List<Surface>> {
    private record Listed(long version, List<Surface> surfaces) {}

    private final SpatialStore store;
    private final DataStateSource states;
    private final RasterFileCache files;
    private volatile Listed listed;

    RasterMapLayers(SpatialStore store, DataStateSource states, RasterFileCache files, StyleRegistry registry,
            ClusterGridProperties properties) {
        GeoTiffGrid.cacheBudget(properties.wms().rasterMegabytes() * (1L << 20));
        this.store = store;
        this.states = states;
        this.files = files;
        registry.registerDataSurfaces(this);
        Thread warm = new Thread(GeoTiffGrid::warmUp, "raster-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    @Override
    public List<Surface> get() {
        long version = states.current().version();
        Listed l = listed;
        if (l == null || l.version() != version) {
            var layers = store.rasterLayers().layers();
            files.keepOnly(layers);
            if (l != null) {
                l.surfaces().forEach(s -> ((RasterSurface) s).close()); // their decoded cells go
            }
            l = new Listed(version, layers.stream().map(r -> (Surface) new RasterSurface(r, files::path)).toList());
            listed = l;
        }
        return l.surfaces();
    }
}
