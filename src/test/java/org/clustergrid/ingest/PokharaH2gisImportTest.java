package org.clustergrid.ingest;

import java.nio.file.Path;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;

class PokharaH2gisImportTest extends PokharaImportTest {
    @TempDir
    Path dir;

    @Override
    TestStore openStore() {
        return TestStore.h2gis(dir);
    }
}
