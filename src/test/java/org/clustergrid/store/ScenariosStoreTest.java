package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenarios kept in both stores: saved, listed newest first, read back whole, deleted; each change grows the
 * scenarios' version and leaves the data's.
 */
class ScenariosStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void savedReadListedAndDeleted(String kind) {
        try (TestStore t = TestStore.of(kind, dir)) {
            Scenarios s = t.store().scenarios();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String geojson = "{\"type\":\"FeatureCollection\",\"name\":\"é ünïcode\",\"features\":[]}".repeat(200);
            StoredScenario older = new StoredScenario("a", "first", null, 3, geojson, "ana", now.minusSeconds(60), 7);
            StoredScenario newer = new StoredScenario("b", "second", "roads first", 1, "{}", "raj", now, 8);
            DataState before = t.store().dataState();
            s.save(older);
            DataState saved = t.store().dataState();
            s.save(newer);
            assertThat(s.list()).containsExactly(newer, older);
            assertThat(s.get("a")).contains(older);
            assertThat(s.get("nope")).isEmpty();
            // each change grows the scenarios' version, never the data's
            assertThat(saved.scenarios()).isEqualTo(before.scenarios() + 1);
            assertThat(saved.scenariosChangedAt()).isAfterOrEqualTo(before.scenariosChangedAt());
            assertThat(t.store().dataState().scenarios()).isEqualTo(before.scenarios() + 2);
            assertThat(s.delete("a")).isTrue();
            assertThat(t.store().dataState().scenarios()).isEqualTo(before.scenarios() + 3);
            assertThat(s.delete("a")).isFalse();
            assertThat(t.store().dataState().scenarios()).as("nothing deleted").isEqualTo(before.scenarios() + 3);
            assertThat(t.store().dataState().version()).isEqualTo(before.version());
            assertThat(s.list()).containsExactly(newer);
        }
    }
}
