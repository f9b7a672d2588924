package org.clustergrid.ingest;

import org.clustergrid.testing.TestStore;

class PokharaPostgisImportTest extends PokharaImportTest {
    @Override
    TestStore openStore() {
        return TestStore.postgis();
    }
}
