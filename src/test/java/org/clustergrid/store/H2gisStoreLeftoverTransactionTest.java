package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 failure behind the crash safety, made on purpose: a process killed with an import open in the file (written
 * there by a checkpoint, as MVStore's background writer and memory limit do within a second of an import writing)
 * leaves a store that H2 alone cannot open; the store opens it with the import rolled back.
 */
class H2gisStoreLeftoverTransactionTest {
    @TempDir
    Path dir;

    @Test
    void anImportKilledInTheFileIsRolledBackWhenTheStoreOpens() throws Exception {
        try (SpatialStore s = StoreFactory.open(StoreSettings.h2gis(dir))) {
            assertThat(s.datasets()).isEmpty();
        }
        ChildJvm child = ChildJvm.start("leave", dir.toString());
        try {
            assertThat(child.awaitWritten(120_000)).as(child.tail()).isTrue();
        } finally {
            child.kill();
        }
        String password = Files.readString(dir.resolve(H2Secret.FILE)).trim();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("clustergrid"), "sa",
                password).close())
                .isInstanceOf(SQLException.class)
                // the geometry type's page read fails: as a SpatialDataType error, or as the ClassCastException
                // under it, depending on which page the checkpoint wrote last
                .satisfiesAnyOf(e -> assertThat(e).hasStackTraceContaining("SpatialDataType"),
                        e -> assertThat(e).hasStackTraceContaining("ClassCastException"));

        assertThat(H2LeftoverTransactions.finish(dir.resolve("clustergrid.mv.db"))).isTrue();
        assertThat(H2LeftoverTransactions.finish(dir.resolve("clustergrid.mv.db"))).isFalse();
        try (SpatialStore s = StoreFactory.open(StoreSettings.h2gis(dir))) {
            assertThat(s.datasets()).isEmpty();
            assertThat(s.stats(Layer.MARKETS).count()).isZero();
            assertThat(s.query(Layer.MARKETS, new FeatureQuery(null, Map.of(), 0, 0)).numberMatched()).isZero();
        }
    }
}
