package org.clustergrid.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.clustergrid.raster.RasterLayer;
import org.locationtech.jts.geom.Envelope;

/**
 * Raster layers over JDBC, for H2GIS and PostGIS alike: a file's bytes in chunks of {@link #CHUNK} bytes (so no
 * row and no buffer grows with the file), written with the layer's row in one transaction, so a crash leaves the
 * old layer or the new one; the old chunks go in that transaction too.
 */
final class JdbcRasterLayers implements RasterLayerStore {
    static final int CHUNK = 4 << 20;
    private final DataSource dataSource;
    private final Dialect dialect;

    JdbcRasterLayers(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public List<RasterLayer> layers() {
        return read("SELECT * FROM raster_layer ORDER BY name", null);
    }

    @Override
    public Optional<RasterLayer> layer(String name) {
        return read("SELECT * FROM raster_layer WHERE name = ?", name).stream().findFirst();
    }

    private List<RasterLayer> read(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<RasterLayer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(layerOf(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the raster layers", e);
        }
    }

    private static RasterLayer layerOf(ResultSet rs) throws SQLException {
        double noData = rs.getDouble("no_data");
        Double nd = rs.wasNull() ? null : noData;
        return new RasterLayer(rs.getString("name"), rs.getString("title"), rs.getLong("raster_no"),
                rs.getString("path"), rs.getString("crs"), rs.getInt("width"), rs.getInt("height"),
                new Envelope(rs.getDouble("min_x"), rs.getDouble("max_x"), rs.getDouble("min_y"),
                        rs.getDouble("max_y")), rs.getDouble("min_value"), rs.getDouble("max_value"), nd,
                rs.getString("ramp"), rs.getString("elevation"), rs.getString("source"), rs.getString("licence"),
                rs.getString("attribution"), rs.getString("file"), rs.getLong("bytes"),
                rs.getTimestamp("imported_at").toInstant());
    }

    @Override
    public RasterLayer replace(RasterLayer layer, InputStream bytes) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreVersion.bump(c); // also orders this import after any other writing now
                long no = nextNo(c);
                long size = layer.referenced() ? layer.bytes() : writeChunks(c, no, bytes);
                long old = rasterNo(c, layer.name());
                deleteRow(c, layer.name());
                if (old >= 0) {
                    deleteChunks(c, old);
                }
                RasterLayer stored = new RasterLayer(layer.name(), layer.title(), no, layer.path(), layer.crs(),
                        layer.width(), layer.height(), layer.bbox(), layer.minValue(), layer.maxValue(),
                        layer.noData(), layer.ramp(), layer.elevation(), layer.source(), layer.licence(),
                        layer.attribution(), layer.file(), size, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                insert(c, stored);
                c.commit();
                return stored;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store raster layer " + layer.name(), e);
        }
    }

    private long nextNo(Connection c) throws SQLException {
        String sql = dialect == Dialect.POSTGIS ? "SELECT nextval('raster_seq')" : "SELECT NEXT VALUE FOR raster_seq";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long writeChunks(Connection c, long no, InputStream in) throws SQLException, IOException {
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO raster_chunk (raster_no, seq, bytes) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            for (int seq = 0;; seq++) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    return total;
                }
                ps.setLong(1, no);
                ps.setInt(2, seq);
                ps.setBytes(3, n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
                ps.executeUpdate();
                total += n;
            }
        }
    }

    private static void insert(Connection c, RasterLayer l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO raster_layer (name, title, raster_no, path, crs,"
                + " width, height, min_x, min_y, max_x, max_y, min_value, max_value, no_data, ramp, elevation, source,"
                + " licence, attribution, file, bytes, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            ps.setString(++i, l.name());
            ps.setString(++i, l.title());
            ps.setLong(++i, l.rasterNo());
            ps.setString(++i, l.path());
            ps.setString(++i, l.crs());
            ps.setInt(++i, l.width());
            ps.setInt(++i, l.height());
            ps.setDouble(++i, l.bbox().getMinX());
            ps.setDouble(++i, l.bbox().getMinY());
            ps.setDouble(++i, l.bbox().getMaxX());
            ps.setDouble(++i, l.bbox().getMaxY());
            ps.setDouble(++i, l.minValue());
            ps.setDouble(++i, l.maxValue());
            if (l.noData() == null) {
                ps.setNull(++i, Types.DOUBLE);
            } else {
                ps.setDouble(++i, l.noData());
            }
            ps.setString(++i, l.ramp());
            ps.setString(++i, l.elevation());
            ps.setString(++i, l.source());
            ps.setString(++i, l.licence());
            ps.setString(++i, l.attribution());
            ps.setString(++i, l.file());
            ps.setLong(++i, l.bytes());
            ps.setTimestamp(++i, Timestamp.from(l.importedAt()));
            ps.executeUpdate();
        }
    }

    private static void deleteRow(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM raster_layer WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    private static void deleteChunks(Connection c, long no) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM raster_chunk WHERE raster_no = ?")) {
            ps.setLong(1, no);
            ps.executeUpdate();
        }
    }

    @Override
    public void copyTo(RasterLayer layer, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT bytes FROM raster_chunk WHERE raster_no = ? ORDER BY seq")) {
            ps.setLong(1, layer.rasterNo());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read raster layer " + layer.name(), e);
        }
    }

    /** In one transaction that grows the data version only when there was such a layer. */
    @Override
    public boolean delete(String name) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreVersion.bump(c);
                long no = rasterNo(c, name);
                if (no < 0) {
                    c.rollback();
                    return false;
                }
                deleteRow(c, name);
                deleteChunks(c, no);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not delete raster layer " + name, e);
        }
    }

    /** The raster number of the layer of that name, or -1. */
    private static long rasterNo(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raster_no FROM raster_layer WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
