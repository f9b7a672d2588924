package org.clustergrid.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.geo.UnknownCrsException;
import org.clustergrid.ingest.BoundedLines;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.progress.ProgressInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads a CSV file (comma, semicolon or tab separated, header row, UTF-8) into source features. Geometry comes from
 * latitude/longitude (or y/x) columns or a WKT column, named in the mapping or found by their usual names. Every
 * problem names the line and column.
 */
public final class CsvFeatureReader {
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y", "lat_dd");
    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x", "lon_dd");
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom");

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);

    private CsvFeatureReader() {}

    /**
     * @param geometry the geometry columns; null to find them by name
     * @param crs the CRS of the coordinates (e.g. {@code EPSG:32644}); null for WGS84 longitude/latitude
     * @param sink gets the header as the file's fields ({@code line 1}), then the records
     */
    public static void read(Path file, GeometryColumns geometry, String crs, ImportReport report, SourceSink sink)
            throws IOException {
        read(file, geometry, crs, report, sink, ImportLimits.DEFAULT);
    }

    /** As {@link #read(Path, GeometryColumns, String, ImportReport, SourceSink)}; longer lines are an error. */
    public static void read(Path file, GeometryColumns geometry, String crs, ImportReport report, SourceSink sink,
            ImportLimits limits) throws IOException {
        read(file, geometry, crs, report, sink, limits, ImportProgress.NONE);
    }

    /** As above, telling {@code progress} the bytes read. */
    public static void read(Path file, GeometryColumns geometry, String crs, ImportReport report, SourceSink sink,
            ImportLimits limits, ImportProgress progress) throws IOException {
        new CsvFeatureReader().run(file, geometry, crs, report, sink, limits.lineCharacters(), progress);
    }

    private void run(Path file, GeometryColumns geometry, String crs, ImportReport report, SourceSink sink,
            int maxLine, ImportProgress progress) throws IOException {
        String name = file.getFileName().toString();
        FileType type = FileType.detect(file);
        if (type != FileType.TEXT) {
            report.error(name, null, null, "expected a CSV text file but it is " + type.description());
            return;
        }
        Reprojection reprojection;
        try {
            reprojection = crs == null ? Reprojection.wgs84() : Reprojection.fromCode(crs);
        } catch (UnknownCrsException e) {
            report.error(name, null, "crs", e.getMessage());
            return;
        }
        char delimiter;
        try {
            delimiter = sniffDelimiter(file, maxLine);
        } catch (BoundedLines.TooLong e) {
            report.error(name, null, null, e.getMessage());
            return;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).build();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (Reader in = new BoundedLines(new java.io.InputStreamReader(
                ProgressInputStream.wrap(Files.newInputStream(file), progress), decoder), maxLine);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = stripBom(parser.getHeaderNames());
            GeometryColumns cols = resolveGeometry(geometry, header);
            boolean geometryFound = checkHeader(name, header, cols, report);
            boolean fieldsFound = sink.fields(name, "line 1", header); // checked too, to name all missing at once
            if (!geometryFound || !fieldsFound) {
                return;
            }
            long lineOfRecord = 2;
            for (CSVRecord r : parser) {
                String where = "line " + lineOfRecord;
                lineOfRecord = parser.getCurrentLineNumber() + 1;
                if (!r.isConsistent()) {
                    report.recordError(name, where, null, "has " + r.size() + " values but the header has " + header.size()
                            + " columns");
                    continue;
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = r.get(i);
                    attrs.put(header.get(i), v == null || v.isEmpty() ? null : v);
                }
                Geometry g = geometryOf(name, where, attrs, cols, reprojection, report);
                if (g != null) {
                    sink.accept(new SourceFeature(name, where, g, attrs));
                }
            }
        } catch (BoundedLines.TooLong e) {
            report.error(name, null, null, e.getMessage());
        } catch (CharacterCodingException e) { // in the header; in records it comes wrapped, below
            report.error(name, null, null, "cannot read CSV: is not UTF-8 text");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BoundedLines.TooLong tooLong) {
                report.error(name, null, null, tooLong.getMessage());
                return;
            }
            String why = e.getCause() instanceof CharacterCodingException ? "is not UTF-8 text" : e.getMessage();
            report.error(name, null, null, "cannot read CSV: " + why);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv signals malformed quoting and duplicate header names this way
            report.error(name, null, null, "malformed CSV: " + e.getMessage());
        }
    }

    private static List<String> stripBom(List<String> header) {
        List<String> out = new ArrayList<>(header);
        if (!out.isEmpty() && out.get(0).startsWith("\uFEFF")) {
            out.set(0, out.get(0).substring(1));
        }
        return out;
    }

    private static char sniffDelimiter(Path file, int maxLine) throws IOException {
        String first;
        try (var r = new BoundedLines(Files.newBufferedReader(file, StandardCharsets.ISO_8859_1), maxLine)) {
            first = r.readLine();
        }
        if (first == null) {
            return ',';
        }
        long commas = first.chars().filter(c -> c == ',').count();
        long semis = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semis) {
            return '\t';
        }
        return semis > commas ? ';' : ',';
    }

    private static GeometryColumns resolveGeometry(GeometryColumns given, List<String> header) {
        if (given != null) {
            return given;
        }
        String wkt = find(header, WKT_NAMES);
        String lat = find(header, LAT_NAMES);
        String lon = find(header, LON_NAMES);
        if (lat != null && lon != null) {
            return new GeometryColumns(lat, lon, null);
        }
        return new GeometryColumns(lat, lon, wkt);
    }

    private static String find(List<String> header, List<String> names) {
        for (String n : names) {
            for (String h : header) {
                if (h.trim().toLowerCase(Locale.ROOT).equals(n)) {
                    return h;
                }
            }
        }
        return null;
    }

    private static boolean checkHeader(String name, List<String> header, GeometryColumns cols, ImportReport report) {
        List<String> missing = new ArrayList<>();
        if (cols.wkt() != null) {
            if (!header.contains(cols.wkt())) {
                missing.add(cols.wkt());
            }
        } else if (cols.lat() == null || cols.lon() == null) {
            report.error(name, "line 1", null, "no geometry columns: expected latitude and longitude columns (lat/lon,"
                    + " latitude/longitude, y/x) or a WKT column (wkt, geometry), or name them in the mapping; header is "
                    + header);
            return false;
        } else {
            for (String c : List.of(cols.lat(), cols.lon())) {
                if (!header.contains(c)) {
                    missing.add(c);
                }
            }
        }
        for (String c : missing) {
            report.error(name, "line 1", c, "required column '" + c + "' is missing; header is " + header
                    + " (a mapping file names other columns)");
        }
        return missing.isEmpty();
    }

    private Geometry geometryOf(String name, String where, Map<String, Object> attrs, GeometryColumns cols,
            Reprojection reprojection, ImportReport report) {
        Geometry g;
        if (cols.wkt() != null) {
            Object wkt = attrs.get(cols.wkt());
            if (wkt == null) {
                report.recordError(name, where, cols.wkt(), "empty geometry");
                return null;
            }
            try {
                g = new WKTReader(factory).read(wkt.toString());
            } catch (ParseException e) {
                report.recordError(name, where, cols.wkt(), "unparsable WKT: " + e.getMessage());
                return null;
            }
        } else {
            Double y = number(name, where, cols.lat(), attrs.get(cols.lat()), report);
            Double x = number(name, where, cols.lon(), attrs.get(cols.lon()), report);
            if (x == null || y == null) {
                return null;
            }
            if (reprojection.isIdentity() && !LatLon.check(name, where, cols, y, x, report)) {
                return null;
            }
            g = factory.createPoint(new Coordinate(x, y));
        }
        return GeometryCheck.finish(name, where, cols.wkt() != null ? cols.wkt() : cols.lat() + "/" + cols.lon(),
                reprojection, g, report);
    }

    private static Double number(String name, String where, String column, Object value, ImportReport report) {
        if (value == null) {
            report.recordError(name, where, column, "is empty; a number is required");
            return null;
        }
        try {
            double d = Double.parseDouble(value.toString().replace(',', '.'));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            report.recordError(name, where, column, "'" + value + "' is not a number");
            return null;
        }
    }
}
