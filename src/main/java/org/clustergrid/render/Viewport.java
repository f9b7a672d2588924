package org.clustergrid.render;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * What an image shows: a projected rectangle (x east, y north) drawn into {@code width} × {@code height} pixels.
 * The rectangle may extend past ±180° (a map across the antimeridian); {@link #worldCopies} then says which
 * longitudes to fetch and where each copy of the world lies.
 */
public final class Viewport {
    /** At most this many copies of the world are drawn, however wide the box. */
    static final int MAX_COPIES = 4;

    private final Projection projection;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final int width;
    private final int height;
    private final double scaleX;
    private final double scaleY;

    public Viewport(Projection projection, double minX, double minY, double maxX, double maxY, int width, int height) {
        if (!(minX < maxX) || !(minY < maxY) || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty viewport");
        }
        this.projection = projection;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.width = width;
        this.height = height;
        this.scaleX = width / (maxX - minX);
        this.scaleY = height / (maxY - minY);
    }

    /** One copy of the world in view: the longitude/latitude box to fetch and the x offset to draw it at. */
    public record WorldCopy(Envelope query, double offsetX) {}

    public Projection projection() {
        return projection;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixel column of a longitude in the world copy shifted by {@code offsetX}. */
    public double px(double lon, double offsetX) {
        return (projection.x(lon) + offsetX - minX) * scaleX;
    }

    /** Pixel row of a latitude. */
    public double py(double lat) {
        return (maxY - projection.y(lat)) * scaleY;
    }

    /** Projected x of a pixel column (at its left edge). */
    public double xAt(double column) {
        return minX + column / scaleX;
    }

    /** Projected y of a pixel row (at its top edge). */
    public double yAt(double row) {
        return maxY - row / scaleY;
    }

    /** Ground size of a pixel in metres at the centre of the view, to choose what is legible at this scale. */
    public double metresPerPixel() {
        double lat = projection.lat((minY + maxY) / 2);
        double lonSpan = projection.lon(maxX) - projection.lon(minX);
        return lonSpan / width * 111_320 * Math.cos(Math.toRadians(lat));
    }

    /**
     * The OGC scale denominator (WMS 1.3.0 §7.2.4.6.9, SLD scale ranges): ground metres per pixel over a standard
     * pixel of 0.28 mm, a degree taken as its length on the equator, as GeoServer and MapServer compute it.
     */
    public double scaleDenominator() {
        double unitsPerPixel = (maxX - minX) / width;
        double metres = projection == Projection.LON_LAT ? unitsPerPixel * Math.PI * 2 * Projection.RADIUS / 360
                : unitsPerPixel;
        return metres / 0.00028;
    }

    /**
     * The copies of the world that the view spans, each with the longitude/latitude box to fetch (grown by
     * {@code marginPx} pixels so symbols of features just outside still reach into the image).
     */
    public List<WorldCopy> worldCopies(double marginPx) {
        double w = projection.worldWidth();
        double half = w / 2;
        double mx = marginPx / scaleX;
        double my = marginPx / scaleY;
        double lo = minX - mx;
        double hi = maxX + mx;
        double latMin = projection.lat(minY - my);
        double latMax = projection.lat(maxY + my);
        if (projection == Projection.WEB_MERCATOR) {
            // Mercator draws everything poleward of its square world at the edge, so fetch up to the poles
            latMin = latMin <= -Projection.MAX_MERCATOR_LAT ? -90 : latMin;
            latMax = latMax >= Projection.MAX_MERCATOR_LAT ? 90 : latMax;
        }
        List<WorldCopy> copies = new ArrayList<>();
        if (!(latMin < latMax)) {
            return copies; // the view lies wholly beyond a pole
        }
        long first = (long) Math.floor((lo + half) / w);
        long last = (long) Math.floor((hi + half) / w);
        long centre = Math.round(((minX + maxX) / 2) / w);
        first = Math.max(first, centre - MAX_COPIES / 2);
        last = Math.min(last, first + MAX_COPIES - 1);
        for (long k = first; k <= last; k++) {
            double offset = k * w;
            double a = Math.max(lo - offset, -half);
            double b = Math.min(hi - offset, half);
            if (a < b) {
                copies.add(new WorldCopy(new Envelope(projection.lon(a), projection.lon(b), latMin, latMax), offset));
            }
        }
        return copies;
    }
}
