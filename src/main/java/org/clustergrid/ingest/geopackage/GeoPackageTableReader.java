package org.clustergrid.ingest.geopackage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceGeometry;
import org.clustergrid.ingest.SourceSink;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Streams the rows of one GeoPackage feature table: declares its columns, then hands on each good row. */
final class GeoPackageTableReader {
    private final Connection connection;
    private final GeoPackageReader.Table table;
    private final Reprojection crs;
    private final String file;
    private final ImportReport report;
    private final SourceSink sink;
    private final ImportLimits limits;
    private final GeoPackageGeometry geometries = new GeoPackageGeometry(new GeometryFactory());

    GeoPackageTableReader(Connection connection, GeoPackageReader.Table table, Reprojection crs, String file,
            ImportReport report, SourceSink sink, ImportLimits limits) {
        this.connection = connection;
        this.table = table;
        this.crs = crs;
        this.file = file;
        this.report = report;
        this.sink = sink;
        this.limits = limits;
    }

    void run() throws SQLException {
        String where = "table " + table.name();
        String fid = null;
        List<GeoPackageColumn> columns = new ArrayList<>();
        boolean hasGeometry = false;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table.name()) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String type = rs.getString("type");
                if (name.equalsIgnoreCase(table.geometryColumn())) {
                    hasGeometry = true;
                } else if (fid == null && rs.getInt("pk") == 1 && "INTEGER".equalsIgnoreCase(type)) {
                    fid = name; // the feature id, as GDAL shows it: not a field
                } else {
                    GeoPackageColumn c = GeoPackageColumn.of(name, type);
                    if (c.type() == null) {
                        report.warning(file, where, name, "column of type " + type + " left out");
                    } else {
                        columns.add(c);
                    }
                }
            }
        }
        if (!hasGeometry) {
            report.error(file, where, table.geometryColumn(), "the registered geometry column is missing");
            return;
        }
        if (columns.size() > limits.attributes()) {
            report.error(file, where, null, "has " + columns.size() + " columns, more than the limit of "
                    + limits.attributes() + " (" + ImportLimits.setting("attributes") + ")");
            return;
        }
        if (!sink.typedFields(file, where, columns.stream().map(GeoPackageColumn::field).toList())) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(fid == null ? "rowid" : quote(fid)).append(", ")
                .append(quote(table.geometryColumn()));
        columns.forEach(c -> sql.append(", ").append(quote(c.name())));
        sql.append(" FROM ").append(quote(table.name()));
        long n = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                n++;
                row(rs, columns, where + ", feature " + n + " (fid " + rs.getLong(1) + ")");
            }
        } catch (SQLException e) {
            report.error(file, where + ", after feature " + n, null, "corrupt GeoPackage: "
                    + GeoPackageReader.message(e));
        }
    }

    private void row(ResultSet rs, List<GeoPackageColumn> columns, String location) throws SQLException {
        Map<String, Object> attributes = new LinkedHashMap<>(columns.size() * 2);
        for (int i = 0; i < columns.size(); i++) {
            GeoPackageColumn c = columns.get(i);
            Object value;
            try {
                value = c.value(rs.getObject(i + 3));
            } catch (IllegalArgumentException e) {
                report.recordError(file, location, c.name(), e.getMessage());
                return;
            }
            if (value instanceof String s && s.length() > limits.lineCharacters()) {
                report.recordError(file, location, c.name(), "text of " + s.length() + " characters, more than the"
                        + " limit of " + limits.lineCharacters() + " (" + ImportLimits.setting("line-characters") + ")");
                return;
            }
            attributes.put(c.name(), value);
        }
        byte[] blob = rs.getBytes(2);
        Geometry g;
        try {
            g = blob == null ? null : geometries.decode(blob);
        } catch (GeoPackageGeometry.Invalid e) {
            report.recordError(file, location, table.geometryColumn(), e.getMessage());
            return;
        }
        g = SourceGeometry.toWgs84(g, crs, report, file, location);
        if (g != null) {
            sink.accept(new SourceFeature(file, location, g, attributes));
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
