package org.clustergrid.layers;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** The kind of geometry a layer holds, which decides its default map style; MIXED when features differ. */
public enum GeometryKind {
    POINT, LINE, POLYGON, MIXED;

    public static GeometryKind of(Geometry g) {
        if (g instanceof Puntal) {
            return POINT;
        }
        if (g instanceof Lineal) {
            return LINE;
        }
        return g instanceof Polygonal ? POLYGON : MIXED;
    }

    /** The kind of a layer holding features of both kinds. */
    public GeometryKind and(GeometryKind other) {
        return other == null || other == this ? this : MIXED;
    }
}
