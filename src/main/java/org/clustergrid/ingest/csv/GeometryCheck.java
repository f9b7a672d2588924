package org.clustergrid.ingest.csv;

import org.clustergrid.geo.GeometryValidation;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.ingest.ImportReport;
import org.locationtech.jts.geom.Geometry;

/** Reprojects a CSV row's geometry and checks it, reporting what was wrong or repaired. */
final class GeometryCheck {
    private GeometryCheck() {}

    /** The WGS84 geometry to import, or null after reporting why the row has none. */
    static Geometry finish(String file, String where, String field, Reprojection reprojection, Geometry g,
            ImportReport report) {
        Geometry wgs84;
        try {
            wgs84 = reprojection.toWgs84(g);
        } catch (IllegalArgumentException e) {
            report.recordError(file, where, field, "cannot reproject from " + reprojection.name() + ": " + e.getMessage());
            return null;
        }
        GeometryValidation.Result r = GeometryValidation.check(wgs84);
        switch (r.status()) {
            case VALID -> {
                return r.geometry();
            }
            case REPAIRED -> {
                report.warning(file, where, field, "invalid geometry repaired (" + r.detail() + ")");
                return r.geometry();
            }
            default -> {
                report.recordError(file, where, field, r.detail());
                return null;
            }
        }
    }
}
