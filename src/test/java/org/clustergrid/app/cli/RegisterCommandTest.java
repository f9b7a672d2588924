package org.clustergrid.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.app.ImportOptions;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.roundtrip.ExportFormat;
import org.clustergrid.register.roundtrip.RegisterExport;
import org.clustergrid.register.roundtrip.RegisterRestore;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code register export} and {@code import register}: arguments, the file written whole, the restore's outcome. */
class RegisterCommandTest {
    @Test
    void parsesTheFormatFromTheOptionOrTheFileName() {
        RegisterCommand.Options o = RegisterCommand.parse(new String[] {"export", "--format", "gpkg", "out.bin",
                "--dataset", "demo", "--clustergrid.store=h2gis"});
        assertThat(o).isEqualTo(new RegisterCommand.Options(ExportFormat.GPKG, Path.of("out.bin"), "demo"));
        assertThat(RegisterCommand.parse(new String[] {"export", "r.geojson"}).format()).isEqualTo(ExportFormat.GEOJSON);
        assertThatThrownBy(() -> RegisterCommand.parse(new String[] {"export", "r.shp"}))
                .hasMessageContaining("unknown export format 'shp'");
        assertThatThrownBy(() -> RegisterCommand.parse(new String[] {"import", "r.csv"}))
                .hasMessageContaining("use export");
        assertThatThrownBy(() -> ImportCommand.parse(new String[] {"register", "r.csv", "--dataset", "x"})
                .registerFile()).hasMessageContaining("no --dataset");
    }

    @Test
    void exportsAndRestoresFromTheCommandLine(@TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            new ClusterRegister(t.store());
            new org.clustergrid.ingest.Importer(t.store()).run(new org.clustergrid.ingest.ImportRequest(
                    org.clustergrid.ingest.SourceKind.CLUSTERS, org.clustergrid.ingest.ImportRequest.sources(
                            java.util.List.of(Path.of("gis-data/demo/clusters.geojson")), null),
                    new org.clustergrid.store.DatasetInfo("demo", "Demo", null, null, null, true), null, false,
                    false));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path file = dir.resolve("register.csv");
            int status = RegisterCommand.run(new RegisterExport(t.store()), RegisterCommand.parse(
                    new String[] {"export", file.toString()}), print(out), print(err));
            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Exported the register to").contains("{clusters=12, interventions=0, datasets=1}");

            assertThat(RegisterCommand.run(new RegisterExport(t.store()), RegisterCommand.parse(new String[] {
                    "export", dir.resolve("none.csv").toString(), "--dataset", "nope"}), print(out), print(err)))
                    .isEqualTo(2);
            assertThat(Files.exists(dir.resolve("none.csv"))).isFalse();

            ImportOptions o = ImportCommand.parse(new String[] {"register", file.toString()});
            RegisterRestore restore = new RegisterRestore(t.store(), ImportLimits.DEFAULT);
            assertThat(ImportCommand.runRegister(restore, o, print(out), print(err))).isZero();
            assertThat(out.toString()).contains("Restored the register from register.csv").contains("{demo=12}")
                    .contains("datasets 0 made, 0 changed");

            Files.writeString(file, Files.readString(file).replace("Synthetic demo data\"", "x\"")
                    .replaceFirst(",85,", ",many,"));
            assertThat(ImportCommand.runRegister(restore, o, print(out), print(err))).isEqualTo(1);
            assertThat(err.toString()).contains("Import failed; the store is unchanged")
                    .contains("register.csv, line 2, field 'firms'");
        }
    }

    static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
