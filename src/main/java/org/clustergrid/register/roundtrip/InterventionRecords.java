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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.Intervention;
import org.clustergrid.register.interventions.InterventionRestore;

/**
 * The exported Intervention grid read back ({@link InterventionsTable}): the table {@code interventions} of a
 * GeoPackage, or the file beside a CSV or GeoJSON export ({@code register-interventions.csv}). A file without it (an
 * export made before the grid was exported) restores no rows. Each bad value is reported naming the file, the line
 * or feature and the column.
 */
final class InterventionRecords {
    private final ImportReport report;
    private final List<Intervention> rows = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private String file;

    InterventionRecords(ImportReport report) {
        this.report = report;
    }

    /** The rows read, in file order. */
    List<Intervention> rows() {
        return rows;
    }

    /** The file they came from, named as the versions name it; null when there was none. */
    String file() {
        return file;
    }

    void read(Path export, ExportFormat format) throws IOException {
        if (format == ExportFormat.GPKG) {
            readGeoPackage(export);
            return;
        }
        Path beside = RegisterTables.fileOf(export, RegisterTables.EXPORTED.indexOf(
                RegisterTables.EXPORTED.stream().filter(t -> t instanceof InterventionsTable).findFirst()
                        .orElseThrow()));
        if (!Files.isRegularFile(beside)) {
            return;
        }
        file = beside.getFileName().toString();
        if (format == ExportFormat.CSV) {
            readCsv(beside);
        } else {
            readGeoJson(beside);
        }
    }

    private void readCsv(Path path) throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            long line = 2;
            for (CSVRecord rec : p) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) {
                    values.put(h, rec.isSet(h) ? rec.get(h) : null);
                }
                add(values, "line " + line);
                line = p.getCurrentLineNumber() + 1;
            }
        }
    }

    private void readGeoJson(Path path) throws IOException {
        JsonNode root = TableFile.JSON.readTree(path.toFile());
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            report.error(file, null, null, "not a GeoJSON FeatureCollection");
            return;
        }
        int n = 0;
        for (JsonNode f : features) {
            n++;
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                values.put(e.getKey(), v.isNull() ? null : v.isBoolean() ? (Object) v.booleanValue()
                        : v.isNumber() ? v.decimalValue() : v.isTextual() ? v.textValue() : v.toString());
            }
            add(values, "feature " + n);
        }
    }

    private void readGeoPackage(Path path) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND"
                    + " name = ?")) {
                ps.setString(1, InterventionsTable.NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
            }
            file = path.getFileName().toString();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + InterventionsTable.NAME
                    + "\" ORDER BY fid"); ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    long fid = 0;
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnName(i);
                        if (name.equals("fid")) {
                            fid = rs.getLong(i);
                        } else {
                            values.put(name, rs.getString(i));
                        }
                    }
                    add(values, "feature " + fid);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not read the table " + InterventionsTable.NAME + " of " + path.getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    private void add(Map<String, Object> values, String location) {
        Intervention i;
        try {
            i = InterventionRestore.read(values);
        } catch (RegisterException e) {
            report.recordError(file, location, e.field(), e.getMessage());
            return;
        }
        if (!ids.add(i.id())) {
            report.recordError(file, location, "id", "'" + i.id() + "' is the id of an earlier row too");
            return;
        }
        rows.add(i);
    }
}
