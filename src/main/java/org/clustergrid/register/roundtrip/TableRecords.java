package org.clustergrid.register.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.ingest.geopackage.GeoPackageGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads a further table of an export (not the clusters, which the importers read) record by record: a table of the
 * GeoPackage, or the file beside a CSV or GeoJSON export ({@code register-interventions.csv}). Values arrive as
 * text (CSV, GeoPackage; a GeoJSON array or object as its JSON text), booleans and numbers as such from GeoJSON; a
 * spatial table's geometry is decoded here — WKT in {@code wkt}, the feature's geometry, {@code geom} — and a
 * geometry that does not decode is reported naming its column.
 */
final class TableRecords {
    /** Receives each record with where it is: the file, {@code line 3} or {@code feature 2}. */
    interface Sink {
        void accept(String file, String location, Map<String, Object> values, Geometry geometry);
    }

    private static final String GPKG_GEOMETRY = "geom";
    private static final String GEOJSON_GEOMETRY = "geometry";

    private TableRecords() {}

    /** The format a restored file is in, by its type and name. */
    static ExportFormat formatOf(Path file, boolean geoPackage) {
        return geoPackage ? ExportFormat.GPKG
                : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? ExportFormat.CSV
                : ExportFormat.GEOJSON;
    }

    /** The column a spatial table's geometry is in, as problem reports name it. */
    static String geometryColumn(ExportFormat format) {
        return switch (format) {
            case CSV -> CsvTableWriter.GEOMETRY;
            case GEOJSON -> GEOJSON_GEOMETRY;
            case GPKG -> GPKG_GEOMETRY;
        };
    }

    /**
     * Reads {@code table} of the export at {@code export} into {@code sink}.
     *
     * @return the file the records came from, as problem reports and versions name it; null when the export has no
     *     such table (one exported before it was), and then nothing is read
     */
    static String read(Path export, ExportFormat format, RegisterTable table, ImportReport report, Sink sink)
            throws IOException {
        if (format == ExportFormat.GPKG) {
            return readGeoPackage(export, table, report, sink);
        }
        Path beside = RegisterTables.fileOf(export, RegisterTables.EXPORTED.indexOf(table));
        if (!Files.isRegularFile(beside)) {
            return null;
        }
        String file = beside.getFileName().toString();
        if (format == ExportFormat.CSV) {
            readCsv(beside, file, table.spatial(), report, sink);
        } else {
            readGeoJson(beside, file, report, sink);
        }
        return file;
    }

    private static void readCsv(Path path, String file, boolean spatial, ImportReport report, Sink sink)
            throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            long line = 2;
            for (CSVRecord rec : p) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) {
                    values.put(h, rec.isSet(h) ? rec.get(h) : null);
                }
                String location = "line " + line;
                line = p.getCurrentLineNumber() + 1;
                Geometry geometry = null;
                Object wkt = spatial ? values.remove(CsvTableWriter.GEOMETRY) : null;
                if (wkt != null && !wkt.toString().isBlank()) {
                    try {
                        geometry = new WKTReader().read(wkt.toString());
                        geometry.setSRID(4326);
                    } catch (ParseException | IllegalArgumentException e) {
                        report.recordError(file, location, geometryColumn(ExportFormat.CSV), "not WKT: " + e.getMessage());
                        continue;
                    }
                }
                sink.accept(file, location, values, geometry);
            }
        }
    }

    private static void readGeoJson(Path path, String file, ImportReport report, Sink sink) throws IOException {
        JsonNode root = TableFile.JSON.readTree(path.toFile());
        JsonNode features = root == null ? null : root.path("features");
        if (features == null || !features.isArray()) {
            report.error(file, null, null, "not a GeoJSON FeatureCollection");
            return;
        }
        int n = 0;
        for (JsonNode f : features) {
            String location = "feature " + ++n;
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                values.put(e.getKey(), v.isNull() ? null : v.isBoolean() ? (Object) v.booleanValue()
                        : v.isNumber() ? v.decimalValue() : v.isTextual() ? v.textValue() : v.toString());
            }
            Geometry geometry = null;
            JsonNode g = f.path(GEOJSON_GEOMETRY);
            if (!g.isMissingNode() && !g.isNull()) {
                try {
                    geometry = GeoJsonFeatureReader.parseGeometry(g.toString());
                } catch (IllegalArgumentException e) {
                    report.recordError(file, location, geometryColumn(ExportFormat.GEOJSON), e.getMessage());
                    continue;
                }
            }
            sink.accept(file, location, values, geometry);
        }
    }

    private static String readGeoPackage(Path path, RegisterTable table, ImportReport report, Sink sink)
            throws IOException {
        String file = path.getFileName().toString();
        GeoPackageGeometry decoder = new GeoPackageGeometry(new GeometryFactory());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND"
                    + " name = ?")) {
                ps.setString(1, table.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table.name() + "\" ORDER BY fid");
                    ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                rows:
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    Geometry geometry = null;
                    String location = "feature " + rs.getLong("fid");
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnName(i);
                        if (name.equals("fid")) {
                            continue;
                        }
                        if (!name.equals(GPKG_GEOMETRY) || !table.spatial()) {
                            values.put(name, rs.getString(i));
                            continue;
                        }
                        byte[] blob = rs.getBytes(i);
                        try {
                            geometry = blob == null ? null : decoder.decode(blob);
                        } catch (GeoPackageGeometry.Invalid e) {
                            report.recordError(file, location, geometryColumn(ExportFormat.GPKG), e.getMessage());
                            continue rows;
                        }
                    }
                    if (geometry != null) {
                        geometry.setSRID(4326);
                    }
                    sink.accept(file, location, values, geometry);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not read the table " + table.name() + " of " + file + ": " + e.getMessage(),
                    e);
        }
        return file;
    }
}
