package org.clustergrid.ogc.wms;

import java.util.Arrays;
import java.util.Optional;
import org.clustergrid.render.Projection;
import org.locationtech.jts.geom.Envelope;

/**
 * The coordinate reference systems maps are served in, with their axis order: EPSG:4326 is latitude first in
 * WMS 1.3.0 (as EPSG defines it) but longitude first in 1.1.1; CRS:84 is always longitude first.
 */
enum WmsCrs {
    EPSG_4326("EPSG:4326", Projection.LON_LAT, true),
    CRS_84("CRS:84", Projection.LON_LAT, false),
    EPSG_3857("EPSG:3857", Projection.WEB_MERCATOR, false);

    private final String code;
    private final Projection projection;
    private final boolean latitudeFirst;

    WmsCrs(String code, Projection projection, boolean latitudeFirst) {
        this.code = code;
        this.projection = projection;
        this.latitudeFirst = latitudeFirst;
    }

    String code() {
        return code;
    }

    Projection projection() {
        return projection;
    }

    /** Whether BBOX and BoundingBox give y (latitude) before x in this version. */
    boolean yFirst(WmsVersion version) {
        return latitudeFirst && version == WmsVersion.V1_3_0;
    }

    /** Codes are case-sensitive values, as all WMS parameter values are. */
    static Optional<WmsCrs> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The CRSs a version offers: CRS:84 is a WMS 1.3.0 identifier. */
    static WmsCrs[] offered(WmsVersion version) {
        return version == WmsVersion.V1_3_0 ? values() : new WmsCrs[] {EPSG_4326, EPSG_3857};
    }

    /** A longitude/latitude box in this CRS as x/y (x east), latitudes clamped where the projection needs it. */
    double[] project(Envelope lonLat) {
        return new double[] {projection.x(lonLat.getMinX()), projection.y(lonLat.getMinY()),
            projection.x(lonLat.getMaxX()), projection.y(lonLat.getMaxY())};
    }

    /** minx, miny, maxx, maxy as this CRS orders its axes in {@code version}. */
    double[] axisOrdered(double[] xy, WmsVersion version) {
        return yFirst(version) ? new double[] {xy[1], xy[0], xy[3], xy[2]} : xy;
    }
}
