package org.clustergrid.ogc.features;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.filter.Comparison;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.FeatureFilter;
import org.clustergrid.filter.Operand;
import org.clustergrid.store.FeatureQuery;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * An items query — box, {@code name=value} and CQL2 filter, AND-ed — on features held in memory, for collections the
 * stores do not query (a scenario's planned features, the Intervention grid).
 */
final class MemoryQuery {
    private static final GeometryFactory GF = new GeometryFactory();

    private MemoryQuery() {}

    /** The features the query selects, in their order; a feature without geometry is outside any box. */
    static <T> List<T> select(List<T> features, FeatureQuery q, Map<String, FeatureFilter.Kind> queryables,
            Function<T, Map<String, ?>> properties, Function<T, Geometry> geometry) {
        List<Condition> all = new ArrayList<>();
        q.equals().forEach((name, value) -> all.add(new Condition.Compare(new Operand.Property(name),
                Comparison.EQUAL, literal(queryables, name, value))));
        if (q.filter() != null) {
            all.add(q.filter());
        }
        FeatureFilter filter = all.isEmpty() ? null : new FeatureFilter(new Condition.And(all), queryables);
        Geometry box = q.bbox() == null ? null : q.orBbox() == null ? GF.toGeometry(q.bbox())
                : GF.buildGeometry(List.of(GF.toGeometry(q.bbox()), GF.toGeometry(q.orBbox())));
        List<T> out = new ArrayList<>();
        for (T f : features) {
            Geometry g = geometry.apply(f);
            boolean inBox = box == null || (g != null && box.intersects(g));
            if (inBox && (filter == null || filter.test(properties.apply(f), g))) {
                out.add(f);
            }
        }
        return out;
    }

    /** A {@code name=value} parameter's value as a literal of the property's kind. */
    private static Operand literal(Map<String, FeatureFilter.Kind> queryables, String name, String value) {
        if (queryables.get(name) == FeatureFilter.Kind.TEXT) {
            return new Operand.Text(value);
        }
        try {
            return new Operand.Numeric(new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            throw OgcException.badRequest("query parameter '" + name + "' is a number; got '" + value + "'");
        }
    }
}
