package org.clustergrid.store;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Operand;
import org.clustergrid.filter.Literals;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Type;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * A CQL2 condition as SQL for H2GIS and PostGIS, every literal a bound parameter. Properties are resolved to columns
 * and both sides of each operator must be of one kind (CQL2 /req/basic-cql2/binary-comparison-predicate D), so a
 * mistyped filter is refused with a message instead of compared as text. NULLs follow SQL's three-valued logic,
 * which is CQL2's: a comparison with a missing value is neither true nor false, and the feature is left out.
 */
final class FilterSql implements Condition.Visitor<Sql> {
    /** The geometry queryable: CQL2 names the primary geometry of a feature this way. */
    static final String GEOMETRY = "geometry";
    private static final GeometryFactory FACTORY = new GeometryFactory();

    enum Kind {
        TEXT("a text"),
        NUMBER("a number"),
        BOOLEAN("a boolean"),
        GEOMETRY("a geometry"),
        DATE("a date"),
        TIMESTAMP("a timestamp");

        final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }
    }

    /** An operand in SQL: its kind, and how an error names it. */
    record Value(Sql sql, Kind kind, String what) {
        String is() {
            return what + " is " + kind.phrase;
        }
    }

    private final FilterTarget table;
    private final Dialect dialect;

    private FilterSql(FilterTarget table, Dialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    static Sql of(Condition c, FilterTarget table, Dialect dialect) {
        return c.accept(new FilterSql(table, dialect));
    }

    @Override
    public Sql and(Condition.And c) {
        return Sql.join(" AND ", all(c.conditions())).wrap("(", ")");
    }

    @Override
    public Sql or(Condition.Or c) {
        return Sql.join(" OR ", all(c.conditions())).wrap("(", ")");
    }

    private List<Sql> all(List<Condition> conditions) {
        return conditions.stream().map(x -> x.accept(this)).toList();
    }

    @Override
    public Sql not(Condition.Not c) {
        return c.condition().accept(this).wrap("NOT (", ")");
    }

    @Override
    public Sql constant(Condition.Constant c) {
        return constant(c.value());
    }

    private static Sql constant(boolean value) {
        return Sql.of(value ? "1 = 1" : "1 = 0");
    }

    @Override
    public Sql compare(Condition.Compare c) {
        Value left = value(c.left());
        Value right = value(c.right());
        if (left.kind() == Kind.GEOMETRY || right.kind() == Kind.GEOMETRY) {
            throw refuse((left.kind() == Kind.GEOMETRY ? left : right).is() + "; geometries are compared with "
                    + "S_INTERSECTS, not '" + c.operator().symbol() + "'");
        }
        sameKind(left, right);
        return Sql.join(" " + c.operator().symbol() + " ", List.of(left.sql(), right.sql()));
    }

    @Override
    public Sql like(Condition.Like c) {
        Value value = value(c.value());
        Value pattern = value(c.pattern());
        for (Value v : List.of(value, pattern)) {
            if (v.kind() != Kind.TEXT) {
                throw refuse("LIKE matches texts; " + v.is());
            }
        }
        // CQL2 /req/advanced-comparison-operators/like-predicate K: the backslash escapes % and _
        return Sql.join(c.negated() ? " NOT LIKE " : " LIKE ", List.of(value.sql(), pattern.sql()))
                .wrap("", " ESCAPE '\\'");
    }

    @Override
    public Sql between(Condition.Between c) {
        List<Value> values = List.of(value(c.value()), value(c.low()), value(c.high()));
        for (Value v : values) {
            if (v.kind() != Kind.NUMBER) {
                throw refuse("BETWEEN compares numbers; " + v.is());
            }
        }
        Sql range = Sql.join(" AND ", List.of(values.get(1).sql(), values.get(2).sql()));
        return Sql.join(c.negated() ? " NOT BETWEEN " : " BETWEEN ", List.of(values.get(0).sql(), range));
    }

    @Override
    public Sql in(Condition.In c) {
        Value value = value(c.value());
        List<Sql> list = new ArrayList<>();
        for (Operand o : c.list()) {
            Value item = value(o);
            sameKind(value, item);
            list.add(item.sql());
        }
        return Sql.join(c.negated() ? " NOT IN " : " IN ", List.of(value.sql(), Sql.join(", ", list).wrap("(", ")")));
    }

    @Override
    public Sql isNull(Condition.IsNull c) {
        if (c.value() instanceof Operand.Box) {
            return constant(c.negated());
        }
        return value(c.value()).sql().wrap("", c.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public Sql temporal(Condition.Temporal c) {
        return TemporalSql.of(c, this::value);
    }

    @Override
    public Sql intersects(Condition.Intersects c) {
        Operand a = c.left();
        Operand b = c.right();
        checkGeometry(a);
        checkGeometry(b);
        boolean aIsProperty = a instanceof Operand.Property;
        boolean bIsProperty = b instanceof Operand.Property;
        if (aIsProperty && bIsProperty) {
            return Sql.of("ST_Intersects(geom, geom)");
        }
        if (!aIsProperty && !bIsProperty) {
            // two literals: known now, so the database need not be asked
            return constant(geometry(a).intersects(geometry(b)));
        }
        Operand literal = aIsProperty ? b : a;
        if (literal instanceof Operand.Box box) {
            return BoxSql.anyOf(dialect, envelopes(box));
        }
        byte[] wkb = new WKBWriter(2).write(((Operand.GeometryLiteral) literal).geometry());
        return new Sql(dialect.intersectsCondition(), List.of(wkb, wkb));
    }

    private void checkGeometry(Operand o) {
        if (o instanceof Operand.Box || o instanceof Operand.GeometryLiteral) {
            return;
        }
        Value v = value(o);
        if (v.kind() != Kind.GEOMETRY) {
            throw refuse("S_INTERSECTS takes geometries; " + v.is() + " (the geometry queryable is '" + GEOMETRY
                    + "')");
        }
    }

    /** A BBOX as one box, or two when it crosses the antimeridian (west edge east of the east edge). */
    private static List<Envelope> envelopes(Operand.Box b) {
        if (b.minY() > b.maxY()) {
            throw refuse("BBOX(" + b.minX() + ", " + b.minY() + ", " + b.maxX() + ", " + b.maxY()
                    + ") has its south edge north of its north edge");
        }
        if (b.minX() <= b.maxX()) {
            return List.of(new Envelope(b.minX(), b.maxX(), b.minY(), b.maxY()));
        }
        return List.of(new Envelope(b.minX(), 180, b.minY(), b.maxY()), new Envelope(-180, b.maxX(), b.minY(),
                b.maxY()));
    }

    private static Geometry geometry(Operand o) {
        if (o instanceof Operand.Box b) {
            return FACTORY.buildGeometry(envelopes(b).stream().map(FACTORY::toGeometry).toList()).union();
        }
        return ((Operand.GeometryLiteral) o).geometry();
    }

    private Value value(Operand o) {
        if (o instanceof Operand.Property p) {
            return property(p.name());
        }
        if (o instanceof Operand.Text t) {
            return new Value(Sql.of("?", t.value()), Kind.TEXT, "the text '" + Literals.excerpt(t.value()) + "'");
        }
        if (o instanceof Operand.Numeric n) {
            return new Value(Sql.of("?", number(n.value())), Kind.NUMBER, "the number " + n.value());
        }
        if (o instanceof Operand.Bool b) {
            return new Value(Sql.of("?", b.value()), Kind.BOOLEAN, "the boolean " + String.valueOf(b.value())
                    .toUpperCase(java.util.Locale.ROOT));
        }
        if (o instanceof Operand.Date d) {
            return new Value(Sql.of("?", d.value()), Kind.DATE, "the date " + d.value());
        }
        if (o instanceof Operand.Timestamp t) {
            return new Value(Sql.of("?", t.value().atOffset(ZoneOffset.UTC)), Kind.TIMESTAMP, "the timestamp "
                    + t.value());
        }
        if (o instanceof Operand.Interval || o instanceof Operand.Unbounded) {
            throw refuse("an INTERVAL is only taken by the temporal functions (T_INTERSECTS, T_DURING, T_AFTER, …)");
        }
        if (o instanceof Operand.CaseInsensitive c) {
            Value inner = value(c.operand());
            if (inner.kind() != Kind.TEXT) {
                throw refuse("CASEI takes a text; " + inner.is());
            }
            return new Value(inner.sql().wrap("LOWER(", ")"), Kind.TEXT, "CASEI(" + inner.what() + ")");
        }
        if (o instanceof Operand.GeometryLiteral g) {
            return new Value(Sql.of(dialect.geometryParameter(), (Object) new WKBWriter(2).write(g.geometry())),
                    Kind.GEOMETRY, "the " + g.geometry().getGeometryType() + " literal");
        }
        throw refuse("a BBOX is only taken by S_INTERSECTS");
    }

    /** Integers stay exact (ids and populations can pass 2^53); anything else compares as a double. */
    private static Object number(BigDecimal n) {
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            return n.doubleValue();
        }
    }

    private Value property(String name) {
        if (name.equals(GEOMETRY)) {
            return new Value(Sql.of("geom"), Kind.GEOMETRY, "property '" + GEOMETRY + "'");
        }
        LayerTable.FilterColumn c = table.filterColumn(name).orElseThrow(() -> refuse("layer " + table.tableName()
                + " has no queryable '" + Literals.excerpt(name) + "'; its queryables are "
                + String.join(", ", table.queryableNames()) + ", " + GEOMETRY));
        return new Value(Sql.of(c.column()), kind(c.type()), "property '" + Literals.excerpt(name) + "'");
    }

    private static Kind kind(Type type) {
        return switch (type) {
            case TEXT, JSON -> Kind.TEXT; // JSON never gets here: lists are not queryable
            case INTEGER, BIGINT, DOUBLE -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIMESTAMP -> Kind.TIMESTAMP;
        };
    }

    static void sameKind(Value a, Value b) {
        if (a.kind() != b.kind()) {
            String hint = a.kind() == Kind.TEXT && b.kind() == Kind.NUMBER ? "; write the number in quotes"
                    : temporalHint(a.kind(), b.kind());
            throw refuse(a.is() + " and cannot be compared with " + b.what() + ", which is " + b.kind().phrase
                    + hint);
        }
    }

    private static String temporalHint(Kind a, Kind b) {
        if (a == Kind.DATE || b == Kind.DATE) {
            return b == Kind.TIMESTAMP || a == Kind.TIMESTAMP
                    ? "; a date compares with DATE('2020-12-31'), a date-time with TIMESTAMP('2020-12-31T10:00:00Z')"
                    : "; write a date as DATE('2020-12-31')";
        }
        if (a == Kind.TIMESTAMP || b == Kind.TIMESTAMP) {
            return "; write a date-time as TIMESTAMP('2020-12-31T10:00:00Z')";
        }
        return "";
    }

    static IllegalArgumentException refuse(String message) {
        return new IllegalArgumentException("filter: " + message);
    }
}
