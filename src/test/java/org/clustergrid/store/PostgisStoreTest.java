package org.clustergrid.store;

import org.clustergrid.testing.TestStore;

class PostgisStoreTest extends StoreContractTest {
    @Override
    TestStore openStore() {
        return TestStore.postgis();
    }
}
