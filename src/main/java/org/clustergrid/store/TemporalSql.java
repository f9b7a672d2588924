package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clustergrid.filter.Comparison;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Operand;
import org.clustergrid.filter.TemporalRelation;
import org.clustergrid.filter.TemporalRelation.End;
import org.clustergrid.store.FilterSql.Kind;
import org.clustergrid.store.FilterSql.Value;

/**
 * A CQL2 temporal function as SQL: its relation's conditions on the ends of its two sides, an instant being an
 * interval whose ends coincide. An open end ({@code '..'}) is earlier (a start) or later (an end) than any time, so a
 * condition on it is decided here; on a property it still yields SQL's unknown where the property is NULL, as every
 * comparison with a missing value does, so NOT and T_DISJOINT never select a feature without the value. Both sides
 * hold dates, or both timestamps: a date is not compared with a date-time.
 */
final class TemporalSql {
    /** One end: a value, or an open end (null value) that is earlier or later than any time. */
    private record Point(Value value, int infinity) {
        boolean open() {
            return value == null;
        }
    }

    /** A side: an instant (start and end alike) or an interval. */
    private record Side(Point start, Point end) {}

    private TemporalSql() {}

    static Sql of(Condition.Temporal c, Function<Operand, Value> values) {
        String f = c.relation().function();
        List<Value> seen = new ArrayList<>();
        Side a = side(c.left(), values, f, seen);
        Side b = side(c.right(), values, f, seen);
        for (int i = 1; i < seen.size(); i++) {
            FilterSql.sameKind(seen.get(0), seen.get(i));
        }
        List<Sql> terms = new ArrayList<>();
        for (TemporalRelation.Term t : c.relation().terms()) {
            terms.add(compare(end(t.left(), a, b), t.operator(), end(t.right(), a, b)));
        }
        Sql all = Sql.join(" AND ", terms).wrap("(", ")");
        return c.relation().negated() ? all.wrap("NOT ", "") : all;
    }

    private static Side side(Operand o, Function<Operand, Value> values, String f, List<Value> seen) {
        if (o instanceof Operand.Interval i) {
            Point start = point(i.start(), -1, values, f, seen);
            Point end = point(i.end(), 1, values, f, seen);
            if (i.start() instanceof Operand.Date s && i.end() instanceof Operand.Date e && s.value().isAfter(e.value())
                    || i.start() instanceof Operand.Timestamp ts && i.end() instanceof Operand.Timestamp te
                    && ts.value().isAfter(te.value())) {
                throw FilterSql.refuse("the INTERVAL from " + start.value().what() + " to " + end.value().what()
                        + " in " + f + " ends before it starts");
            }
            return new Side(start, end);
        }
        Point p = point(o, 0, values, f, seen);
        if (p.open()) {
            throw FilterSql.refuse("'..' is an open end of an INTERVAL, not an instant; in " + f + " write"
                    + " INTERVAL('2020-01-01', '..')");
        }
        return new Side(p, p);
    }

    private static Point point(Operand o, int infinity, Function<Operand, Value> values, String f, List<Value> seen) {
        if (o instanceof Operand.Unbounded) {
            return new Point(null, infinity);
        }
        Value v = values.apply(o);
        if (v.kind() != Kind.DATE && v.kind() != Kind.TIMESTAMP) {
            throw FilterSql.refuse(f + " takes instants and intervals of dates or timestamps; " + v.is());
        }
        seen.add(v);
        return new Point(v, 0);
    }

    private static Point end(End e, Side a, Side b) {
        return switch (e) {
            case A_START -> a.start();
            case A_END -> a.end();
            case B_START -> b.start();
            case B_END -> b.end();
        };
    }

    /**
     * {@code x op y}; with an open end, decided by the order of the ends (open start &lt; any time &lt; open end),
     * and written so that a property that is NULL still makes it unknown.
     */
    private static Sql compare(Point x, Comparison op, Point y) {
        if (!x.open() && !y.open()) {
            return Sql.join(" " + op.symbol() + " ", List.of(x.value().sql(), y.value().sql()));
        }
        int order = Integer.compare(x.infinity(), y.infinity());
        boolean holds = switch (op) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case GREATER -> order > 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER_OR_EQUAL -> order >= 0;
        };
        Point known = x.open() ? y : x;
        if (known.open() || !known.value().sql().params().isEmpty()) { // two open ends, or a literal
            return Sql.of(holds ? "1 = 1" : "1 = 0");
        }
        Sql v = known.value().sql();
        return Sql.join(holds ? " = " : " <> ", List.of(v, v)); // unknown where the property is NULL
    }
}
