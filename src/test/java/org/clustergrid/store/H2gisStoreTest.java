package org.clustergrid.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2gisStoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    SpatialStore openStore() {
        return StoreFactory.open(StoreSettings.h2gis(dir));
    }
}
