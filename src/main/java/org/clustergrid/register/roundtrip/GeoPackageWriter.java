package org.clustergrid.register.roundtrip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * The register as an OGC GeoPackage 1.3 (OGC 12-128r18) through SQLite's own JDBC driver, the one the GeoPackage
 * reader uses: the required metadata tables, then one table per table of the register, each with an integer
 * {@code fid} and its columns (TEXT, INTEGER, REAL, BOOLEAN; lists and objects as JSON text, decimals as their
 * digits): a feature table with the footprint in {@code geom} as a GeoPackage binary geometry (header with the SRS and
 * envelope, then little-endian WKB; null where a record has none), EPSG:4326, or an attributes table for one without
 * geometry (the interventions).
 */
final class GeoPackageWriter {
    private static final int APPLICATION_ID = 0x47504B47; // "GPKG"
    private static final int USER_VERSION = 10300; // GeoPackage 1.3.0
    private static final int SRS = 4326;

    private GeoPackageWriter() {}

    static void write(Map<RegisterTable, List<Row>> tables, Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + USER_VERSION);
            }
            c.setAutoCommit(false);
            metadata(c);
            for (Map.Entry<RegisterTable, List<Row>> t : tables.entrySet()) {
                table(c, t.getKey(), t.getValue());
            }
            c.commit();
        }
    }

    private static void metadata(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL, description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1,"
                    + " 'undefined', 'undefined cartesian coordinate reference system')");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0,"
                    + " 'undefined', 'undefined geographic coordinate reference system')");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["
                    + "\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\","
                    + "\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                    + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],"
                    + "AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]', 'longitude/latitude coordinates in"
                    + " decimal degrees on the WGS 84 spheroid')");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,"
                    + " max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id)"
                    + " REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                    + " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
        }
    }

    private static void table(Connection c, RegisterTable table, List<Row> rows) throws SQLException {
        boolean spatial = table.spatial();
        StringBuilder create = new StringBuilder("CREATE TABLE \"" + table.name()
                + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL" + (spatial ? ", geom GEOMETRY" : ""));
        List<String> names = new java.util.ArrayList<>();
        if (spatial) {
            names.add("geom");
        }
        for (Column col : table.columns()) {
            create.append(", \"").append(col.name()).append("\" ").append(switch (col.kind()) {
                case INTEGER -> "INTEGER";
                case DOUBLE -> "REAL";
                case BOOLEAN -> "BOOLEAN";
                default -> "TEXT";
            });
            names.add('"' + col.name() + '"');
        }
        String insert = "INSERT INTO \"" + table.name() + "\" (" + String.join(", ", names) + ") VALUES (?"
                + ", ?".repeat(names.size() - 1) + ")";
        Envelope extent = new Envelope();
        try (Statement s = c.createStatement()) {
            s.execute(create.append(')').toString());
        }
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Row r : rows) {
                int i = 1;
                if (spatial && r.geometry() == null) {
                    ps.setNull(i++, Types.BLOB); // a dataset with no recorded coverage
                } else if (spatial) {
                    extent.expandToInclude(r.geometry().getEnvelopeInternal());
                    ps.setBytes(i++, blob(r.geometry(), wkb));
                }
                for (Column col : table.columns()) {
                    bind(ps, i++, col, r.values().get(col.name()));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!spatial) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type,"
                    + " identifier, description, last_change) VALUES (?, 'attributes', ?, ?, ?)")) {
                ps.setString(1, table.name());
                ps.setString(2, table.name());
                ps.setString(3, "ClusterGrid register: " + table.name());
                ps.setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                + " description, last_change, min_x, min_y, max_x, max_y, srs_id)"
                + " VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, table.name());
            ps.setString(2, table.name());
            ps.setString(3, "ClusterGrid register: " + table.name());
            ps.setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            for (int i = 0; i < 4; i++) {
                double v = extent.isNull() ? 0 : new double[] {extent.getMinX(), extent.getMinY(),
                        extent.getMaxX(), extent.getMaxY()}[i];
                ps.setDouble(5 + i, v);
            }
            ps.setInt(9, SRS);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom',"
                + " 'GEOMETRY', ?, 0, 0)")) {
            ps.setString(1, table.name());
            ps.setInt(2, SRS);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, int i, Column col, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (col.kind()) {
                case INTEGER, BOOLEAN -> Types.BIGINT;
                case DOUBLE -> Types.DOUBLE;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (col.kind()) {
            case INTEGER -> ps.setLong(i, ((Number) v).longValue());
            case DOUBLE -> ps.setDouble(i, ((Number) v).doubleValue());
            case BOOLEAN -> ps.setInt(i, Boolean.TRUE.equals(v) ? 1 : 0);
            case DECIMAL -> ps.setString(i, ((java.math.BigDecimal) v).toPlainString());
            default -> ps.setString(i, TableFile.text(v));
        }
    }

    /** GeoPackage binary (clause 2.1.3): "GP", version 0, flags (xy envelope, little-endian), SRS id, envelope, WKB. */
    static byte[] blob(Geometry g, WKBWriter wkb) {
        byte[] body = wkb.write(g);
        Envelope e = g.getEnvelopeInternal();
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0011).putInt(SRS);
        b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        b.put(body);
        return b.array();
    }
}
