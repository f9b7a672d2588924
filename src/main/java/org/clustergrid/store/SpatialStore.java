package org.clustergrid.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;

/**
 * Where datasets and their layer features live. Implementations must make {@link #importDataset} all-or-nothing and
 * be safe for concurrent readers while an import runs.
 */
public interface SpatialStore extends AutoCloseable {

    /** {@code h2gis} or {@code postgis}. */
    String kind();

    /**
     * Replaces (or creates) a dataset in one transaction: its old features are removed, {@code work} writes the new
     * ones, and the result is committed only if {@code work} returns normally and {@code report} holds no error.
     * Otherwise the store is left exactly as before and {@link org.clustergrid.ingest.ImportFailedException} (or the
     * work's exception) is thrown.
     */
    Dataset importDataset(DatasetInfo info, ImportReport report, ImportWork work) throws Exception;

    /**
     * Restores the clusters of the register from its export, in one transaction: for each dataset listed, its clusters
     * are replaced by those given (its other layers stay; a dataset the store lacks is made, one the file describes
     * gets the file's metadata), with the Cluster Grid IDs they bring. All or nothing, like {@link #importDataset};
     * datasets not listed are left alone.
     */
    default RestoreOutcome restoreClusters(List<RestoredDataset> datasets, ImportReport report)
            throws Exception {
        return restoreClusters(datasets, report, null);
    }

    /**
     * As {@link #restoreClusters(List, ImportReport)}, with {@code alsoWrite} (null: nothing) run in the same
     * transaction after the clusters: the register's other tables restored all or nothing with them.
     */
    default RestoreOutcome restoreClusters(List<RestoredDataset> datasets, ImportReport report,
            RestoreStep alsoWrite) throws Exception {
        throw new UnsupportedOperationException("this store cannot restore the register");
    }

    List<Dataset> datasets();

    Optional<Dataset> dataset(String id);

    /** Removes a dataset and its features; Cluster Grid IDs stay reserved. False when there was no such dataset. */
    boolean deleteDataset(String id);

    LayerStats stats(Layer layer);

    FeaturePage query(Layer layer, FeatureQuery query);

    /** The features of a query without counting all matches (a map draws what it gets; it needs no total). */
    default List<StoredFeature> features(Layer layer, FeatureQuery query) {
        return query(layer, query).features();
    }

    /** One feature by its dataset and id. */
    Optional<StoredFeature> feature(Layer layer, String datasetId, String id);

    Optional<StoredFeature> clusterByGridId(String clusterGridId);

    /** Stored scoring runs and their results. */
    ScoringRuns scoringRuns();

    /** Stored what-if scenarios. */
    Scenarios scenarios();

    /** The user's own vector layers. */
    ContextLayerStore contextLayers();

    /** The user's own raster layers (GeoTIFF). */
    RasterLayerStore rasterLayers();

    /**
     * The database itself, for the tables other features keep beside the layers (accounts, API keys and the audit
     * log of {@code org.clustergrid.security}), migrated with the store's own.
     */
    javax.sql.DataSource dataSource();

    /**
     * One feature by its {@link StoredFeature#layerId()}: {@code dataset.id}, and for clusters also the Cluster Grid
     * ID.
     */
    default Optional<StoredFeature> featureByLayerId(Layer layer, String layerId) {
        if (layer == Layer.CLUSTERS) {
            Optional<StoredFeature> byGridId = clusterByGridId(layerId);
            if (byGridId.isPresent()) {
                return byGridId;
            }
        }
        int dot = layerId.indexOf('.');
        return dot <= 0 ? Optional.empty() : feature(layer, layerId.substring(0, dot), layerId.substring(dot + 1));
    }

    /** Grows by one with every committed change, so caches and ETags can follow the data. */
    default long dataVersion() {
        return dataState().version();
    }

    /** Has imports and dataset deletes report the clusters they write and remove (the register's history). */
    default void setClusterHistoryHook(ClusterHistoryHook hook) {}

    /** The data version and when it last changed, read together. */
    DataState dataState();

    /**
     * A Mapbox vector tile (see {@link VectorTiles} for its content) of one layer; no bytes when no feature reaches
     * the tile. This default builds it in Java from {@link #query}; stores with a native encoder override it and
     * must give the same content.
     */
    default byte[] tile(Layer layer, TileKey key) {
        FeaturePage page = query(layer, new FeatureQuery(JavaTileEncoder.queryBox(key), 0, Integer.MAX_VALUE));
        return JavaTileEncoder.encode(layer, key, page.features());
    }

    @Override
    void close();
}
