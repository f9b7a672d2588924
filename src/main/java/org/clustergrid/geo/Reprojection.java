package org.clustergrid.geo;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Geometry;

/**
 * Brings geometries from a source CRS to WGS84 with x = longitude and y = latitude, whatever the CRS's official axis
 * order: files store easting/northing or longitude/latitude, so EPSG codes are decoded longitude-first. Instances are
 * immutable and cached per code or WKT text, so the costly transform lookup happens once per CRS.
 */
public final class Reprojection {
    public static final int WGS84_SRID = 4326;

    private static final Reprojection IDENTITY = new Reprojection("EPSG:4326", null);
    private static final Map<String, Reprojection> BY_CODE = new ConcurrentHashMap<>();
    private static final Map<String, Reprojection> BY_WKT = new ConcurrentHashMap<>();

    private static final Pattern EPSG_CODE = Pattern.compile(
            "(?:EPSG:|URN:OGC:DEF:CRS:EPSG:[^:]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[^/]+/)(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "CRS:84|OGC:CRS84|URN:OGC:DEF:CRS:OGC:[^:]*:CRS84|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[^/]+/CRS84");
    /** An ESRI .prj for plain WGS84 longitude/latitude, recognised even where the WKT parser gives up. */
    private static final Pattern ESRI_WGS84_PRJ =
            Pattern.compile("^\\s*GEOGCS\\[\"(?:GCS_)?WGS[ _]?(?:19)?84\",\\s*DATUM\\[\"(?:D_)?WGS[ _]?(?:19)?84\"");

    private final String name;
    private final MathTransform transform; // null for the identity

    private Reprojection(String name, MathTransform transform) {
        this.name = name;
        this.transform = transform;
    }

    /** The identity: coordinates already are WGS84 longitude/latitude. */
    public static Reprojection wgs84() {
        return IDENTITY;
    }

    /**
     * A CRS named by {@code EPSG:n}, {@code CRS:84}, an OGC URN ({@code urn:ogc:def:crs:EPSG::n}) or an OGC http URI
     * ({@code http://www.opengis.net/def/crs/EPSG/0/n}, {@code …/OGC/1.3/CRS84}), case-insensitively.
     */
    public static Reprojection fromCode(String code) throws UnknownCrsException {
        if (code == null || code.isBlank()) {
            throw new UnknownCrsException("no CRS code given");
        }
        String key = code.trim().toUpperCase(Locale.ROOT);
        Reprojection cached = BY_CODE.get(key);
        if (cached != null) {
            return cached;
        }
        Reprojection r;
        Matcher m = EPSG_CODE.matcher(key);
        if (CRS84.matcher(key).matches()) {
            r = IDENTITY;
        } else if (m.matches()) {
            r = m.group(1).equals("4326") ? IDENTITY : decodeEpsg(code.trim(), Integer.parseInt(m.group(1)));
        } else {
            throw new UnknownCrsException("unknown CRS code '" + code + "'");
        }
        BY_CODE.put(key, r);
        return r;
    }

    private static Reprojection decodeEpsg(String code, int epsg) throws UnknownCrsException {
        try {
            return of("EPSG:" + epsg, CRS.decode("EPSG:" + epsg, true));
        } catch (FactoryException | RuntimeException e) {
            throw new UnknownCrsException("unknown CRS code '" + code + "': " + e.getMessage(), e);
        }
    }

    /** A CRS given as WKT, typically the content of an ESRI {@code .prj} file. */
    public static Reprojection fromWkt(String wkt) throws UnknownCrsException {
        if (wkt == null || wkt.isBlank()) {
            throw new UnknownCrsException("empty CRS definition");
        }
        String key = wkt.strip();
        Reprojection cached = BY_WKT.get(key);
        if (cached != null) {
            return cached;
        }
        Reprojection r;
        try {
            CoordinateReferenceSystem crs = CRS.parseWKT(key);
            r = of(crs.getName().getCode(), crs);
        } catch (FactoryException | RuntimeException e) {
            if (!ESRI_WGS84_PRJ.matcher(key.toUpperCase(Locale.ROOT)).find()) {
                throw new UnknownCrsException("cannot parse CRS definition: " + e.getMessage(), e);
            }
            r = IDENTITY;
        }
        BY_WKT.put(key, r);
        return r;
    }

    private static Reprojection of(String name, CoordinateReferenceSystem source) throws UnknownCrsException {
        if (CRS.equalsIgnoreMetadata(source, DefaultGeographicCRS.WGS84)) {
            return IDENTITY;
        }
        try {
            // lenient: accept a datum shift without Bursa-Wolf parameters (error of a few metres at most)
            MathTransform mt = CRS.findMathTransform(source, DefaultGeographicCRS.WGS84, true);
            return mt.isIdentity() ? IDENTITY : new Reprojection(name, mt);
        } catch (FactoryException e) {
            throw new UnknownCrsException("no transformation from " + name + " to WGS84: " + e.getMessage(), e);
        }
    }

    public boolean isIdentity() {
        return transform == null;
    }

    /** The CRS name, e.g. {@code EPSG:32644} or the WKT name. */
    public String name() {
        return name;
    }

    /**
     * A copy of the geometry in WGS84 (x = longitude, y = latitude) with SRID 4326; the input is not modified.
     *
     * @throws IllegalArgumentException when a coordinate cannot be transformed (e.g. outside the projection's domain)
     */
    public Geometry toWgs84(Geometry g) {
        Geometry out = transform == null ? g.copy() : PositionMap.copy(g, this::transformed);
        out.setSRID(WGS84_SRID);
        return out;
    }

    private double[] transformed(double x, double y) {
        double[] xy = {x, y};
        try {
            transform.transform(xy, 0, xy, 0, 1);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform (" + x + " " + y + "): " + e.getMessage(), e);
        }
        return xy;
    }

    @Override
    public String toString() {
        return "Reprojection[" + name + " -> EPSG:4326]";
    }
}
