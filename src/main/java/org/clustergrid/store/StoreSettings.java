package org.clustergrid.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Which store to open and how.
 *
 * @param kind {@code h2gis} (embedded file under {@code dataDir}) or {@code postgis}
 * @param postgisSchema schema holding ClusterGrid's tables on PostGIS
 */
public record StoreSettings(
        String kind, Path dataDir, String postgisUrl, String postgisUser, String postgisPassword, String postgisSchema) {

    public StoreSettings {
        kind = Objects.requireNonNullElse(kind, "h2gis").trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("h2gis") && !kind.equals("postgis")) {
            throw new IllegalArgumentException("clustergrid.store must be 'h2gis' or 'postgis', not '" + kind + "'");
        }
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        postgisSchema = postgisSchema == null || postgisSchema.isBlank() ? "clustergrid" : postgisSchema;
        if (!postgisSchema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("PostGIS schema name '" + postgisSchema + "' must be a lower-case SQL identifier");
        }
    }

    public static StoreSettings h2gis(Path dataDir) {
        return new StoreSettings("h2gis", dataDir, null, null, null, null);
    }

    public static StoreSettings postgis(String url, String user, String password, String schema) {
        return new StoreSettings("postgis", null, url, user, password, schema);
    }
}
