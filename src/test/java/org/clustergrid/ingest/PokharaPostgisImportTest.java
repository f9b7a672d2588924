package org.clustergrid.ingest;

import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;

class PokharaPostgisImportTest extends PokharaImportTest {
    private StoreSettings settings;

    @Override
    SpatialStore openStore() {
        settings = PostgisTestDatabase.freshSchema();
        return StoreFactory.open(settings);
    }

    @Override
    void dropStore() {
        PostgisTestDatabase.dropSchema(settings);
    }
}
