package org.clustergrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks a WGS84 geometry before import: not empty, coordinates within longitude/latitude range, topologically valid. */
public final class GeometryValidation {
    private GeometryValidation() {}

    public enum Status {
        VALID,
        /** Was invalid; {@link Result#geometry()} is the fixed geometry, {@link Result#detail()} the reason. */
        REPAIRED,
        /** Null, empty, or collapsed to nothing when repaired. */
        EMPTY,
        /** A coordinate is not finite or outside lon [-180, 180] / lat [-90, 90]; detail names it. */
        OUT_OF_RANGE
    }

    /** @param detail why the geometry was repaired or rejected; null when valid */
    public record Result(Status status, Geometry geometry, String detail) {}

    /** Empty check, then range check, then {@link #repair}. */
    public static Result check(Geometry g) {
        if (g == null || g.isEmpty()) {
            return new Result(Status.EMPTY, g, "empty geometry");
        }
        Coordinate bad = firstOutOfRange(g);
        if (bad != null) {
            return new Result(Status.OUT_OF_RANGE, g, "coordinate (" + bad.x + " " + bad.y
                    + ") is outside longitude [-180, 180] / latitude [-90, 90]");
        }
        return repair(g);
    }

    /**
     * Repairs an invalid geometry with JTS's {@link GeometryFixer}, which keeps the dimension (collapsed parts are
     * dropped, so a polygon may come back as a MultiPolygon or empty).
     */
    public static Result repair(Geometry g) {
        if (g == null || g.isEmpty()) {
            return new Result(Status.EMPTY, g, "empty geometry");
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error == null) {
            return new Result(Status.VALID, g, null);
        }
        String reason = error.getMessage() + describe(error.getCoordinate());
        Geometry fixed = GeometryFixer.fix(g);
        fixed.setSRID(g.getSRID());
        if (fixed.isEmpty()) {
            return new Result(Status.EMPTY, fixed, "empty geometry after repair (" + reason + ")");
        }
        return new Result(Status.REPAIRED, fixed, reason);
    }

    private static String describe(Coordinate c) {
        return c == null ? "" : " at (" + c.x + " " + c.y + ")";
    }

    /** True when every coordinate is finite and within lon [-180, 180], lat [-90, 90]. */
    public static boolean isWithinLonLat(Geometry g) {
        return firstOutOfRange(g) == null;
    }

    private static Coordinate firstOutOfRange(Geometry g) {
        RangeFilter f = new RangeFilter();
        g.apply(f);
        return f.bad;
    }

    private static final class RangeFilter implements CoordinateSequenceFilter {
        Coordinate bad;

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i);
            double y = seq.getY(i);
            // the negated form also catches NaN
            if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
                bad = new Coordinate(x, y);
            }
        }

        @Override
        public boolean isDone() {
            return bad != null;
        }

        @Override
        public boolean isGeometryChanged() {
            return false;
        }
    }
}
