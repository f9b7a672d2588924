package org.clustergrid.store;

import org.clustergrid.testing.PostgisTestDatabase;

class PostgisStoreTest extends StoreContractTest {
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
