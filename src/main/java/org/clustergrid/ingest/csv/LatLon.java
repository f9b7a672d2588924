package org.clustergrid.ingest.csv;

import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;

/** Range checks for latitude/longitude values, telling a swapped pair from a plain bad value. */
final class LatLon {
    private LatLon() {}

    static boolean check(String file, String where, GeometryColumns cols, double lat, double lon, ImportReport report) {
        boolean latOk = Math.abs(lat) <= 90;
        boolean lonOk = Math.abs(lon) <= 180;
        if (latOk && lonOk) {
            return true;
        }
        if (!latOk && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
            report.recordError(file, where, cols.lat(), "latitude " + lat + " is out of range [-90, 90] while longitude "
                    + lon + " would be a valid latitude: latitude and longitude look swapped");
        } else if (!latOk) {
            report.recordError(file, where, cols.lat(), "latitude " + lat + " is out of range [-90, 90]");
        } else {
            report.recordError(file, where, cols.lon(), "longitude " + lon + " is out of range [-180, 180]");
        }
        return false;
    }
}
