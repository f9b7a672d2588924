package org.clustergrid.ingest;

import org.clustergrid.geo.GeometryValidation;
import org.clustergrid.geo.Reprojection;
import org.locationtech.jts.geom.Geometry;

/**
 * The checks a reader of a typed format (GeoPackage, FlatGeobuf) makes on a record's geometry before handing it on,
 * with the same messages as the shapefile and GeoJSON readers: missing or empty, not reprojectable, out of range, or
 * repaired with a warning.
 */
public final class SourceGeometry {
    private SourceGeometry() {}

    /**
     * The geometry in WGS84 (x = longitude), checked and repaired where it can be; null when the record must be left
     * out, which was reported.
     */
    public static Geometry toWgs84(Geometry g, Reprojection crs, ImportReport report, String file, String location) {
        if (g == null) {
            report.recordError(file, location, null, "no geometry");
            return null;
        }
        if (g.isEmpty()) {
            report.recordError(file, location, null, "empty geometry");
            return null;
        }
        Geometry wgs84;
        try {
            wgs84 = crs.toWgs84(g);
        } catch (IllegalArgumentException e) {
            report.recordError(file, location, null, "cannot reproject to WGS84: " + e.getMessage());
            return null;
        }
        GeometryValidation.Result checked = GeometryValidation.check(wgs84);
        switch (checked.status()) {
            case EMPTY, OUT_OF_RANGE -> {
                report.recordError(file, location, null, checked.detail());
                return null;
            }
            case REPAIRED -> report.warning(file, location, null, "invalid geometry repaired (" + checked.detail() + ")");
            case VALID -> {}
        }
        return checked.geometry();
    }
}
