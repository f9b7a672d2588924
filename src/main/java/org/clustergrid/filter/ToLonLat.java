package org.clustergrid.filter;

import java.util.List;
import org.clustergrid.geo.PositionMap;
import org.locationtech.jts.geom.Geometry;

/**
 * Rewrites a condition's geometry literals from the filter CRS ({@code filter-crs}) into longitude/latitude, the
 * CRS features are stored in. Vertices are converted one by one, as the {@code bbox-crs} corners are.
 */
public final class ToLonLat implements Condition.Visitor<Condition> {

    /** A position given in the filter CRS's axis order, as longitude and latitude. */
    public interface Axes {
        double[] toLonLat(double first, double second);
    }

    private final Axes axes;

    private ToLonLat(Axes axes) {
        this.axes = axes;
    }

    public static Condition convert(Condition c, Axes axes) {
        return c.accept(new ToLonLat(axes));
    }

    @Override
    public Condition and(Condition.And c) {
        return new Condition.And(all(c.conditions()));
    }

    @Override
    public Condition or(Condition.Or c) {
        return new Condition.Or(all(c.conditions()));
    }

    private List<Condition> all(List<Condition> conditions) {
        return conditions.stream().map(x -> x.accept(this)).toList();
    }

    @Override
    public Condition not(Condition.Not c) {
        return new Condition.Not(c.condition().accept(this));
    }

    @Override
    public Condition constant(Condition.Constant c) {
        return c;
    }

    @Override
    public Condition compare(Condition.Compare c) {
        return new Condition.Compare(operand(c.left()), c.operator(), operand(c.right()));
    }

    @Override
    public Condition like(Condition.Like c) {
        return c;
    }

    @Override
    public Condition between(Condition.Between c) {
        return c;
    }

    @Override
    public Condition in(Condition.In c) {
        return c;
    }

    @Override
    public Condition isNull(Condition.IsNull c) {
        return new Condition.IsNull(operand(c.value()), c.negated());
    }

    @Override
    public Condition intersects(Condition.Intersects c) {
        return new Condition.Intersects(operand(c.left()), operand(c.right()));
    }

    @Override
    public Condition temporal(Condition.Temporal c) {
        return c; // no geometry in it
    }

    private Operand operand(Operand o) {
        if (o instanceof Operand.GeometryLiteral g) {
            return new Operand.GeometryLiteral(geometry(g.geometry()));
        }
        if (o instanceof Operand.Box b) {
            double[] min = axes.toLonLat(b.minX(), b.minY());
            double[] max = axes.toLonLat(b.maxX(), b.maxY());
            return new Operand.Box(min[0], min[1], max[0], max[1]);
        }
        return o;
    }

    private Geometry geometry(Geometry g) {
        return PositionMap.copy(g, axes::toLonLat);
    }
}
