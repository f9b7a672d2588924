package org.clustergrid.store;

import org.clustergrid.testing.TestStore;

class PostgisStoreFilterTest extends StoreFilterContractTest {
    @Override
    TestStore openStore() {
        return TestStore.postgis();
    }
}
