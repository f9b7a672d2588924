package org.clustergrid.report;

import org.clustergrid.render.Projection;
import org.clustergrid.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/** The Web Mercator views the report maps are drawn in. */
final class MapViews {
    private MapViews() {}

    /**
     * Web Mercator around a longitude/latitude box, widened by a margin, grown to at least {@code minHalfM} ground
     * metres each side of its centre (at latitude {@code lat}), in the image's proportions. Latitudes are kept within
     * Web Mercator's ±85°.
     */
    static Viewport around(Envelope lonLat, double lat, double minHalfM, double marginX, double marginY, int width,
            int height) {
        Projection p = Projection.WEB_MERCATOR;
        double scale = 1 / Math.cos(Math.toRadians(Math.max(-80, Math.min(80, lat)))); // Mercator m per ground m
        double minX = p.x(lonLat.getMinX());
        double maxX = p.x(lonLat.getMaxX());
        double minY = p.y(Math.max(-85, lonLat.getMinY()));
        double maxY = p.y(Math.min(85, lonLat.getMaxY()));
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double halfW = Math.max((maxX - minX) / 2 * marginX, minHalfM * scale);
        double halfH = Math.max((maxY - minY) / 2 * marginY, minHalfM * scale * height / width);
        if (halfW / halfH > (double) width / height) {
            halfH = halfW * height / width;
        } else {
            halfW = halfH * width / height;
        }
        return new Viewport(p, cx - halfW, cy - halfH, cx + halfW, cy + halfH, width, height);
    }
}
