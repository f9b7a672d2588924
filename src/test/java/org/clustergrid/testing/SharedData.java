package org.clustergrid.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real GIS data kept beside the checkout in {@code ../shared/gis}. Tests that need it skip with a clear reason
 * when it is absent (a user's clone), and fail instead when {@code clustergrid.test.requireSharedData=true} (CI).
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code ../shared/gis} folder, or the folder named by {@code CLUSTERGRID_SHARED_GIS}. */
    public static Path gisRoot() {
        String override = System.getenv("CLUSTERGRID_SHARED_GIS");
        Path root = override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of("..", "shared", "gis").toAbsolutePath().normalize();
        return root;
    }

    /** A file or folder below {@code ../shared/gis}; skips (or fails in CI) when it is missing. */
    public static Path require(String relative) {
        Path p = gisRoot().resolve(relative);
        if (!Files.exists(p)) {
            String reason = "shared real data not found: " + p
                    + " (clone next to the project's shared/ folder or set CLUSTERGRID_SHARED_GIS)";
            if (Boolean.getBoolean("clustergrid.test.requireSharedData")) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return p;
    }

    /**
     * A file or folder below {@code ../shared/ogc-test-data} (the OGC suites' test data); skips (or fails in CI)
     * when it is missing.
     */
    public static Path requireOgcTestData(String relative) {
        Path p = Path.of("..", "shared", "ogc-test-data").toAbsolutePath().normalize().resolve(relative);
        if (!Files.exists(p)) {
            String reason = "OGC test data not found: " + p + " (clone next to the project's shared/ folder)";
            if (Boolean.getBoolean("clustergrid.test.requireSharedData")) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return p;
    }

    public static Path pokharaPbf() {
        return require("pokhara-osm/pokhara-2016-06-04.osm.pbf");
    }
}
