package org.clustergrid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import org.clustergrid.store.StoreException;
import org.junit.jupiter.api.Test;

/** How the command line finds its command, and what it says when a command cannot start. */
class CommandArgumentsTest {
    @Test
    void aCommandAfterServerSettingsIsStillTheCommand() {
        assertThat(ClusterGridApplication.commandFirst(new String[] {"--clustergrid.data-dir=/d", "import", "osm",
            "a.pbf"})).containsExactly("import", "--clustergrid.data-dir=/d", "osm", "a.pbf");
        assertThat(ClusterGridApplication.commandFirst(new String[] {"score", "--csv", "s.csv"}))
                .containsExactly("score", "--csv", "s.csv");
        // the server's own arguments stay as they are
        assertThat(ClusterGridApplication.commandFirst(new String[] {"--server.port=9090"}))
                .containsExactly("--server.port=9090");
        assertThat(ClusterGridApplication.commandFirst(new String[] {"--server.port=9090", "--debug"}))
                .containsExactly("--server.port=9090", "--debug");
    }

    @Test
    void theReasonIsOursOrTheInnermost() {
        RuntimeException springLike = new IllegalStateException("Error creating bean with name 'spatialStore'",
                new StoreException("cannot connect to the h2gis store at jdbc:h2:file:/d: Wrong user name or password",
                        new RuntimeException("Wrong user name or password [28000-232]")));
        assertThat(ClusterGridApplication.reason(springLike))
                .startsWith("cannot connect to the h2gis store at jdbc:h2:file:/d: Wrong user name or password");
        assertThat(ClusterGridApplication.reason(new IllegalStateException("Failed to instantiate",
                new java.io.UncheckedIOException(new NoSuchFileException("nope.yaml")))))
                .isEqualTo("no such file: nope.yaml");
    }
}
