package org.clustergrid.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A change of every position of a geometry (an axis swap, a projection) written as one function of x and y. */
@FunctionalInterface
public interface PositionMap {
    /** The new x and y of the position at {@code x}, {@code y}. */
    double[] apply(double x, double y);

    /** A copy of {@code g} with every position mapped; {@code g} itself is left as it is. */
    static Geometry copy(Geometry g, PositionMap map) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] xy = map.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
