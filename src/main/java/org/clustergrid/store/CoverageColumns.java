package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** A dataset's coverage in the {@code dataset} table's {@code coverage_*} columns (WKT, so both stores read it alike). */
final class CoverageColumns {
    private CoverageColumns() {}

    /** Records the coverage; null records none (the columns empty, as for a dataset imported before they were). */
    static void write(Connection c, String datasetId, Coverage coverage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE dataset SET coverage_wkt = ?, coverage_layers = ?,"
                + " coverage_method = ?, coverage_description = ? WHERE id = ?")) {
            ps.setString(1, coverage == null ? null : new WKTWriter(2).write(coverage.area()));
            ps.setString(2, coverage == null ? null
                    : coverage.layers().stream().sorted().map(Layer::id).collect(Collectors.joining(",")));
            ps.setString(3, coverage == null ? null : coverage.method().id());
            ps.setString(4, coverage == null ? null : coverage.description());
            ps.setString(5, datasetId);
            ps.executeUpdate();
        }
    }

    /** The row's coverage; null when the dataset has none recorded (imported before coverage was kept). */
    static Coverage read(ResultSet rs) throws SQLException {
        String wkt = rs.getString("coverage_wkt");
        if (wkt == null) {
            return null;
        }
        Geometry area;
        try {
            area = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new SQLException("dataset " + rs.getString("id") + " has an unreadable coverage: " + e.getMessage(), e);
        }
        area.setSRID(4326);
        Set<Layer> layers = EnumSet.noneOf(Layer.class);
        String list = rs.getString("coverage_layers");
        for (String id : list == null || list.isBlank() ? new String[0] : list.split(",")) {
            Layer.byId(id).ifPresent(layers::add);
        }
        return new Coverage(area, layers,
                Coverage.Method.valueOf(rs.getString("coverage_method").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("coverage_description"));
    }
}
