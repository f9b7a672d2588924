package org.clustergrid.store;

import java.nio.file.Path;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;

class H2gisStoreFilterTest extends StoreFilterContractTest {
    @TempDir
    Path dir;

    @Override
    TestStore openStore() {
        return TestStore.h2gis(dir);
    }
}
