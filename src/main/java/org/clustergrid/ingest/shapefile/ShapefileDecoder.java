package org.clustergrid.ingest.shapefile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.clustergrid.geo.GeometryValidation;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.geo.UnknownCrsException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceSink;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Reads the .shp and .dbf of one shapefile side by side, checks each record and hands the good ones on. */
final class ShapefileDecoder {
    private static final int BUFFER = 1 << 16;
    private static final Envelope LON_LAT = new Envelope(-180, 180, -90, 90);

    private final ShapefileParts parts;
    private final ImportReport report;
    private final SourceSink sink;
    private final String label;

    ShapefileDecoder(ShapefileParts parts, ImportReport report, SourceSink sink) {
        this.parts = parts;
        this.report = report;
        this.sink = sink;
        this.label = parts.label();
    }

    void run() throws IOException {
        try (InputStream shpIn = new BufferedInputStream(parts.shp().open(), BUFFER);
                InputStream dbfIn = new BufferedInputStream(parts.dbf().open(), BUFFER)) {
            ShpReader shp = new ShpReader(shpIn, new GeometryFactory());
            DbfReader dbf = new DbfReader(dbfIn, parts.cpg());
            if (parts.shxRecords() >= 0 && parts.shxRecords() != dbf.recordCount()) {
                report.error(label, null, null, "the .shx index lists " + parts.shxRecords()
                        + " records but the .dbf has " + dbf.recordCount());
                return;
            }
            dbf.typedValues(takesTypedValues(sink));
            if (!sink.typedFields(label, null, dbf.fields().stream()
                    .map(f -> new SourceField(f.name(), DbfReader.type(f))).toList())) {
                return;
            }
            if (dbf.charsetProblem() != null) {
                report.warning(label, null, null, dbf.charsetProblem() + "; decoding text as UTF-8 where valid");
            }
            Reprojection crs = crs(shp.bounds());
            if (crs != null) {
                records(shp, dbf, crs);
            }
        } catch (ShapefileFormatException e) {
            report.error(label, e.location(), null, e.getMessage());
        }
    }

    /**
     * Sinks that take the declared types (they override {@link SourceSink#typedFields}) get values of those types;
     * the others keep numbers typed by value (12 as Long, 12.5 as Double in the same N field), which mappings,
     * conditions and ids of existing imports rely on.
     */
    static boolean takesTypedValues(SourceSink sink) {
        try {
            return sink.getClass().getMethod("typedFields", String.class, String.class, List.class)
                    .getDeclaringClass() != SourceSink.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private Reprojection crs(Envelope bounds) {
        if (parts.prj() != null) {
            try {
                return Reprojection.fromWkt(parts.prj());
            } catch (UnknownCrsException e) {
                report.error(label, null, null, "unknown CRS in " + parts.prjName() + ": " + e.getMessage());
                return null;
            }
        }
        if (LON_LAT.covers(bounds)) {
            report.warning(label, null, null, "no .prj: assuming WGS84 (EPSG:4326)");
            return Reprojection.wgs84();
        }
        report.error(label, null, null, "no .prj and coordinates are not longitude/latitude: unknown CRS (bounds "
                + bounds.getMinX() + " " + bounds.getMinY() + ", " + bounds.getMaxX() + " " + bounds.getMaxY() + ")");
        return null;
    }

    private void records(ShpReader shp, DbfReader dbf, Reprojection crs)
            throws IOException, ShapefileFormatException {
        int count = 0;
        ShpReader.Shape shape;
        while ((shape = shp.next()) != null) {
            count++;
            DbfReader.Row row = dbf.next();
            if (row == null) {
                continue; // counted; the mismatch is reported below
            }
            if (!row.deleted()) {
                emit(shape, row, crs);
            }
        }
        if (count != dbf.recordCount()) {
            report.error(label, null, null, "the .shp has " + count + " records but the .dbf has "
                    + dbf.recordCount());
        }
    }

    private void emit(ShpReader.Shape shape, DbfReader.Row row, Reprojection crs) {
        String location = "record " + shape.index();
        if (shape.problem() != null) {
            report.recordError(label, location, null, shape.problem());
            return;
        }
        if (row.problem() != null) {
            report.recordError(label, location, row.badField(), row.problem());
            return;
        }
        Geometry g = shape.geometry();
        if (g == null || g.isEmpty()) {
            report.recordError(label, location, null, "empty geometry");
            return;
        }
        try {
            g = crs.toWgs84(g);
        } catch (IllegalArgumentException e) {
            report.recordError(label, location, null, "cannot reproject to WGS84: " + e.getMessage());
            return;
        }
        GeometryValidation.Result checked = GeometryValidation.check(g);
        switch (checked.status()) {
            case EMPTY, OUT_OF_RANGE -> {
                report.recordError(label, location, null, checked.detail());
                return;
            }
            case REPAIRED -> report.warning(label, location, null, "invalid geometry repaired ("
                    + (shape.repaired() == null ? "" : shape.repaired() + "; ") + checked.detail() + ")");
            case VALID -> {
                if (shape.repaired() != null) {
                    report.warning(label, location, null, "invalid geometry repaired (" + shape.repaired() + ")");
                }
            }
        }
        sink.accept(new SourceFeature(label, location, checked.geometry(), row.attributes()));
    }
}
