package org.clustergrid.app;

import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.Proposals;
import org.clustergrid.register.roundtrip.RegisterExport;
import org.clustergrid.register.roundtrip.RegisterRestore;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store and importer beans, built from {@link ClusterGridProperties}. */
@Configuration
@EnableConfigurationProperties(ClusterGridProperties.class)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    public SpatialStore spatialStore(ClusterGridProperties properties) {
        return StoreFactory.open(properties.storeSettings());
    }

    @Bean
    public Importer importer(SpatialStore store, ClusterGridProperties properties) {
        return new Importer(store, properties.limits().importing().toImportLimits());
    }

    @Bean
    public ContextLayerImporter contextLayerImporter(SpatialStore store, ClusterGridProperties properties) {
        return new ContextLayerImporter(store, properties.limits().importing().toImportLimits());
    }

    /** The raster layers' GeoTIFFs on disk, shared by the map layers and scoring. */
    @Bean
    public RasterFileCache rasterFileCache(SpatialStore store, ClusterGridProperties properties) {
        return new RasterFileCache(store.rasterLayers(), properties.dataDir().resolve("raster-cache"));
    }

    /**
     * Edits of the cluster register, each with its version in the history (OGC API – Features Part 4, /api); each
     * edit has the edited cluster scored again at once.
     */
    @Bean
    public ClusterRegister clusterRegister(SpatialStore store, ScoringService scoring) {
        ClusterRegister register = new ClusterRegister(store);
        register.setEditListener(scoring::clusterEdited);
        return register;
    }

    /** Proposed changes to the register, decided by editors and applied through it. */
    @Bean
    public Proposals proposals(SpatialStore store, ClusterRegister register) {
        return new Proposals(store, register);
    }

    /** The register's export; restored by {@link #registerRestore} ({@code import register FILE}). */
    @Bean
    public RegisterExport registerExport(SpatialStore store) {
        return new RegisterExport(store);
    }

    /** Restores from an export; after the register, so that the restore is in the history. */
    @Bean
    public RegisterRestore registerRestore(SpatialStore store, ClusterRegister register,
            ClusterGridProperties properties) {
        return new RegisterRestore(store, properties.limits().importing().toImportLimits());
    }

    @Bean
    public RasterImporter rasterImporter(SpatialStore store) {
        return new RasterImporter(store);
    }
}
