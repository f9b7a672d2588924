package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * "Intersects one of these longitude/latitude boxes" in SQL: the {@code bbox} parameter and CQL2's {@code BBOX}
 * share it, so the two select the same features.
 */
final class BoxSql {
    private BoxSql() {}

    static Sql anyOf(Dialect dialect, List<Envelope> boxes) {
        List<Sql> any = new ArrayList<>();
        for (Envelope e : boxes) {
            List<Object> params = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                params.addAll(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
            }
            any.add(new Sql(dialect.bboxCondition(), params));
        }
        return any.size() == 1 ? any.get(0) : Sql.join(") OR (", any).wrap("((", "))");
    }
}
