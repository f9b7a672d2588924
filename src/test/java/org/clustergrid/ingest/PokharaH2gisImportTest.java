package org.clustergrid.ingest;

import java.nio.file.Path;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

class PokharaH2gisImportTest extends PokharaImportTest {
    @TempDir
    Path dir;

    @Override
    SpatialStore openStore() {
        return StoreFactory.open(StoreSettings.h2gis(dir));
    }
}
