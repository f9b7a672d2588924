package org.clustergrid.ingest.geopackage;

import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes GeoPackage binary geometries (GeoPackage 1.x, clause 2.1.3): a header ({@code GP}, version, flags, SRS id,
 * optional envelope) followed by standard or ISO WKB, which JTS reads.
 */
public final class GeoPackageGeometry {
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private final GeometryFactory factory;
    private final WKBReader wkb;

    public GeoPackageGeometry(GeometryFactory factory) {
        this.factory = factory;
        this.wkb = new WKBReader(factory);
    }

    /** A geometry that cannot be decoded; the message says why. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** The geometry, empty when the header's empty flag is set. */
    public Geometry decode(byte[] blob) throws Invalid {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new Invalid("not a GeoPackage geometry (no 'GP' header)");
        }
        int flags = blob[3];
        if ((flags & 0x20) != 0) {
            throw new Invalid("extended GeoPackage geometry types are not supported");
        }
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_BYTES.length) {
            throw new Invalid("bad envelope indicator " + envelope + " in the geometry header");
        }
        int start = 8 + ENVELOPE_BYTES[envelope];
        if ((flags & 0x10) != 0) {
            return factory.createGeometryCollection();
        }
        if (blob.length <= start) {
            throw new Invalid("geometry truncated after its header");
        }
        try {
            return wkb.read(Arrays.copyOfRange(blob, start, blob.length));
        } catch (ParseException | RuntimeException e) {
            throw new Invalid("corrupt WKB geometry: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new Invalid("corrupt WKB geometry: collections nested too deep");
        }
    }
}
