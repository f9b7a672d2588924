package org.clustergrid.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Coverage.Method;
import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Which area a newly imported dataset covers: what the user declared, else the bounds its files declare (an OSM
 * extract's header), else the cells its features fall in ({@link CoverageCells}).
 */
public final class CoverageChoice {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private CoverageChoice() {}

    /** The coverage, or null when the dataset has neither a declared area nor any feature. */
    public static Coverage choose(Coverage declared, List<Envelope> fileBounds, String boundsSource,
            CoverageCells features, Set<Layer> layers) {
        if (declared != null) {
            return new Coverage(declared.area(), layers, Method.DECLARED, declared.description());
        }
        if (!fileBounds.isEmpty()) {
            List<Geometry> boxes = new ArrayList<>();
            for (Envelope e : fileBounds) {
                boxes.add(GF.toGeometry(e));
            }
            Geometry area = UnaryUnionOp.union(boxes);
            area.setSRID(4326);
            return new Coverage(area, layers, Method.FILE_BOUNDS, boundsSource);
        }
        Geometry derived = features.area();
        return derived == null ? null
                : new Coverage(derived, layers, Method.DERIVED, "derived from the features: " + CoverageCells.describe());
    }
}
