package org.clustergrid.ingest.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.geo.UnknownCrsException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceSink;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * Reads one feature table of a GeoPackage into WGS84 source features, its columns declared with their types. Rows
 * are streamed from SQLite; problems go to the report and no exception escapes for a bad file.
 *
 * <p>Read with sqlite-jdbc and JTS's WKB reader rather than NGA's GeoPackage library: that library puts slf4j-nop
 * (a second logging backend beside Logback), ormlite, a TIFF reader and an emulated SQLite on the classpath, yields
 * its own geometry model, and hides the connection whose limits bound what a hostile file can make us hold.
 */
public final class GeoPackageReader {
    /** Far above any real value; bounds what one geometry or string can make SQLite hand over (as the .shp reader). */
    static final int MAX_VALUE_BYTES = 1 << 28;

    private GeoPackageReader() {}

    /** A feature table registered in {@code gpkg_contents} with its geometry column and SRS. */
    record Table(String name, String geometryColumn, int srsId) {}

    /**
     * @param layer the feature table to read; null: the only one, an error listing them when there are several
     * @param sink receives each good row as {@code table T, feature N (fid F)}
     */
    public static void read(Path file, String layer, ImportReport report, SourceSink sink, ImportLimits limits) {
        String name = file.getFileName().toString();
        try (Connection c = open(file)) {
            List<Table> tables = featureTables(c, name, report);
            if (tables == null) {
                return;
            }
            Table t = choose(tables, layer, name, report);
            if (t == null || !isPlainTable(c, t, name, report)) {
                return;
            }
            Reprojection crs = crs(c, t, name, report);
            if (crs != null) {
                new GeoPackageTableReader(c, t, crs, name, report, sink, limits).run();
            }
        } catch (SQLException e) {
            report.error(name, null, null, "cannot read the GeoPackage: " + message(e));
        }
    }

    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteConnection c = (SQLiteConnection) config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
            // functions a hostile schema (generated columns, views) could call are refused
            s.execute("PRAGMA trusted_schema = OFF");
            s.execute("PRAGMA query_only = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static List<Table> featureTables(Connection c, String name, ImportReport report) throws SQLException {
        List<Table> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c"
                        + " JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
                        + " WHERE c.data_type = 'features' ORDER BY c.table_name")) {
            while (rs.next() && out.size() <= 1000) {
                out.add(new Table(rs.getString(1), rs.getString(2), rs.getInt(3)));
            }
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no such table")) {
                throw e;
            }
            report.error(name, null, null, "an SQLite database but not a GeoPackage: it has no gpkg_contents and"
                    + " gpkg_geometry_columns tables");
            return null;
        }
        if (out.isEmpty()) {
            report.error(name, null, null, "the GeoPackage holds no feature table (only tiles or attributes)");
            return null;
        }
        return out;
    }

    private static Table choose(List<Table> tables, String layer, String name, ImportReport report) {
        if (layer == null && tables.size() == 1) {
            return tables.get(0);
        }
        if (layer != null) {
            for (Table t : tables) {
                if (t.name().equals(layer)) {
                    return t;
                }
            }
            for (Table t : tables) { // SQLite table names are case-insensitive
                if (t.name().equalsIgnoreCase(layer)) {
                    return t;
                }
            }
        }
        String names = String.join(", ", tables.stream().map(Table::name).limit(50).toList())
                + (tables.size() > 50 ? ", …" : "");
        report.error(name, null, null, layer == null
                ? "the GeoPackage holds " + tables.size() + " feature tables; name the one to import (--source-layer): "
                        + names
                : "the GeoPackage has no feature table '" + layer + "'; its feature tables are " + names);
        return null;
    }

    /** Views and virtual tables run the file's own SQL, which could be made to run for ever. */
    private static boolean isPlainTable(Connection c, Table t, String name, ImportReport report) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT type, sql FROM sqlite_master WHERE name = ?")) {
            s.setString(1, t.name());
            try (ResultSet rs = s.executeQuery()) {
                String type = rs.next() ? rs.getString(1) : null;
                String sql = type == null ? null : rs.getString(2);
                if ("table".equals(type) && sql != null
                        && !sql.strip().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")) {
                    return true;
                }
                report.error(name, "table " + t.name(), null, type == null ? "registered but missing"
                        : "is a " + ("table".equals(type) ? "virtual table" : type) + "; only plain tables are read");
                return false;
            }
        }
    }

    /** GeoPackages store x = easting or longitude whatever the CRS's axis order, as Reprojection expects. */
    private static Reprojection crs(Connection c, Table t, String name, ImportReport report) throws SQLException {
        String location = "table " + t.name();
        if (t.srsId() == 0) {
            report.warning(name, location, null, "undefined geographic CRS (srs_id 0): assuming WGS84 (EPSG:4326)");
            return Reprojection.wgs84();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT organization, organization_coordsys_id, definition"
                + " FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            s.setInt(1, t.srsId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    report.error(name, location, null, "srs_id " + t.srsId() + " is not in gpkg_spatial_ref_sys");
                    return null;
                }
                String org = rs.getString(1);
                int code = rs.getInt(2);
                String wkt = rs.getString(3);
                try {
                    if (org != null && org.equalsIgnoreCase("EPSG") && code > 0) {
                        return Reprojection.fromCode("EPSG:" + code);
                    }
                    if (wkt != null && !wkt.isBlank() && !wkt.strip().equalsIgnoreCase("undefined")) {
                        return Reprojection.fromWkt(wkt);
                    }
                    report.error(name, location, null, "undefined CRS (srs_id " + t.srsId() + ")");
                } catch (UnknownCrsException e) {
                    report.error(name, location, null, "unknown CRS (srs_id " + t.srsId() + "): " + e.getMessage());
                }
                return null;
            }
        }
    }

    /** SQLite's messages start with the driver's code in brackets; the text after it is what a user can act on. */
    static String message(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("too big")) {
            return "a value is larger than " + (MAX_VALUE_BYTES >> 20) + " MB (" + m + ")";
        }
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
