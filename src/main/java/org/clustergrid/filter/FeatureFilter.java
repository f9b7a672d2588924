package org.clustergrid.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A CQL2 condition evaluated on features held in memory, by the stores' rules for a row: both sides of an operator of
 * one kind (a mistyped filter is refused with {@link IllegalArgumentException}, not compared as text), and SQL's
 * three-valued logic, CQL2's, so a comparison with a missing value is unknown and the feature is left out. Queryables
 * are texts and numbers; {@value #GEOMETRY} is the feature's geometry.
 */
public final class FeatureFilter {
    public static final String GEOMETRY = "geometry";
    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** The kind of a queryable. */
    public enum Kind {
        TEXT,
        NUMBER
    }

    private final Condition condition;
    private final Map<String, Kind> queryables;

    /** @throws IllegalArgumentException when it names what is not a queryable or mixes kinds */
    public FeatureFilter(Condition condition, Map<String, Kind> queryables) {
        this.condition = condition;
        this.queryables = queryables;
        condition.accept(new Evaluation(Map.of(), null, true)); // refuses a bad filter before any feature is read
    }

    /** Whether the feature satisfies it (unknown counts as not). */
    public boolean test(Map<String, ?> properties, Geometry geometry) {
        return Boolean.TRUE.equals(condition.accept(new Evaluation(properties, geometry, false)));
    }

    /** One feature's evaluation: true, false or null (unknown); a check evaluates the types only. */
    private final class Evaluation implements Condition.Visitor<Boolean> {
        private final Map<String, ?> properties;
        private final Geometry geometry;
        private final boolean check;

        Evaluation(Map<String, ?> properties, Geometry geometry, boolean check) {
            this.properties = properties;
            this.geometry = geometry;
            this.check = check;
        }

        @Override
        public Boolean and(Condition.And c) {
            Boolean out = true;
            for (Condition x : c.conditions()) {
                Boolean v = x.accept(this);
                if (Boolean.FALSE.equals(v)) {
                    out = false;
                } else if (v == null && out != null && out) {
                    out = null;
                }
            }
            return out;
        }

        @Override
        public Boolean or(Condition.Or c) {
            Boolean out = false;
            for (Condition x : c.conditions()) {
                Boolean v = x.accept(this);
                if (Boolean.TRUE.equals(v)) {
                    out = true;
                } else if (v == null && out != null && !out) {
                    out = null;
                }
            }
            return out;
        }

        @Override
        public Boolean not(Condition.Not c) {
            Boolean v = c.condition().accept(this);
            return v == null ? null : !v;
        }

        @Override
        public Boolean constant(Condition.Constant c) {
            return c.value();
        }

        @Override
        public Boolean compare(Condition.Compare c) {
            Object a = value(c.left());
            Object b = value(c.right());
            Integer order = order(a, b, kind(c.left()), kind(c.right()), "'" + c.operator().symbol() + "'");
            if (order == null) {
                return null;
            }
            return switch (c.operator()) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS -> order < 0;
                case GREATER -> order > 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }

        @Override
        public Boolean like(Condition.Like c) {
            if (kind(c.value()) != Kind.TEXT || kind(c.pattern()) != Kind.TEXT) {
                throw new IllegalArgumentException("LIKE matches texts");
            }
            Object v = value(c.value());
            Object p = value(c.pattern());
            if (v == null || p == null) {
                return null;
            }
            boolean m = pattern(p.toString()).matcher(v.toString()).matches();
            return c.negated() != m;
        }

        @Override
        public Boolean between(Condition.Between c) {
            for (Operand o : List.of(c.value(), c.low(), c.high())) {
                if (kind(o) != Kind.NUMBER) {
                    throw new IllegalArgumentException("BETWEEN compares numbers");
                }
            }
            Integer low = order(value(c.value()), value(c.low()), Kind.NUMBER, Kind.NUMBER, "BETWEEN");
            Integer high = order(value(c.value()), value(c.high()), Kind.NUMBER, Kind.NUMBER, "BETWEEN");
            if (low == null || high == null) {
                return null;
            }
            return c.negated() != (low >= 0 && high <= 0);
        }

        @Override
        public Boolean in(Condition.In c) {
            Object v = value(c.value());
            Boolean out = false;
            for (Operand o : c.list()) {
                Integer order = order(v, value(o), kind(c.value()), kind(o), "IN");
                if (order == null) {
                    out = Boolean.TRUE.equals(out) ? out : null;
                } else if (order == 0) {
                    out = true;
                }
            }
            return out == null ? null : c.negated() != out;
        }

        @Override
        public Boolean isNull(Condition.IsNull c) {
            if (c.value() instanceof Operand.Box || c.value() instanceof Operand.GeometryLiteral) {
                return c.negated();
            }
            if (c.value() instanceof Operand.Property p && p.name().equals(GEOMETRY)) {
                return check ? Boolean.FALSE : c.negated() != (geometry == null);
            }
            Object v = value(c.value());
            return check ? Boolean.FALSE : c.negated() != (v == null);
        }

        @Override
        public Boolean intersects(Condition.Intersects c) {
            Geometry a = geometry(c.left());
            Geometry b = geometry(c.right());
            return a == null || b == null ? null : a.intersects(b);
        }

        @Override
        public Boolean temporal(Condition.Temporal c) {
            throw new IllegalArgumentException("these features have no date or time to compare: no queryable is"
                    + " temporal");
        }

        private Geometry geometry(Operand o) {
            if (o instanceof Operand.Box b) {
                if (b.minY() > b.maxY()) {
                    throw new IllegalArgumentException("a BBOX has its south edge north of its north edge");
                }
                List<Geometry> boxes = new ArrayList<>();
                if (b.minX() <= b.maxX()) {
                    boxes.add(FACTORY.toGeometry(new Envelope(b.minX(), b.maxX(), b.minY(), b.maxY())));
                } else { // across the antimeridian
                    boxes.add(FACTORY.toGeometry(new Envelope(b.minX(), 180, b.minY(), b.maxY())));
                    boxes.add(FACTORY.toGeometry(new Envelope(-180, b.maxX(), b.minY(), b.maxY())));
                }
                return FACTORY.buildGeometry(boxes);
            }
            if (o instanceof Operand.GeometryLiteral g) {
                return g.geometry();
            }
            if (o instanceof Operand.Property p && p.name().equals(GEOMETRY)) {
                return check ? FACTORY.createPoint() : geometry;
            }
            throw new IllegalArgumentException("S_INTERSECTS takes geometries (the geometry queryable is '" + GEOMETRY
                    + "')");
        }

        /** The operand's kind; a property that is not a queryable, or an operand of another kind, is refused. */
        private Kind kind(Operand o) {
            if (o instanceof Operand.Property p) {
                Kind k = queryables.get(p.name());
                if (k == null) {
                    throw new IllegalArgumentException("no queryable '" + Literals.excerpt(p.name()) + "'; the"
                            + " queryables are " + String.join(", ", queryables.keySet()) + ", " + GEOMETRY);
                }
                return k;
            }
            if (o instanceof Operand.Text) {
                return Kind.TEXT;
            }
            if (o instanceof Operand.Numeric) {
                return Kind.NUMBER;
            }
            if (o instanceof Operand.CaseInsensitive c) {
                if (kind(c.operand()) != Kind.TEXT) {
                    throw new IllegalArgumentException("CASEI takes a text");
                }
                return Kind.TEXT;
            }
            throw new IllegalArgumentException("these features' queryables are texts and numbers; a boolean, date,"
                    + " timestamp, interval or geometry is compared with none of them here");
        }

        private Object value(Operand o) {
            kind(o);
            if (check) {
                return null;
            }
            if (o instanceof Operand.Property p) {
                Object v = properties.get(p.name());
                return v instanceof Number n ? new BigDecimal(n.toString()) : v;
            }
            if (o instanceof Operand.Text t) {
                return t.value();
            }
            if (o instanceof Operand.Numeric n) {
                return n.value();
            }
            Object inner = value(((Operand.CaseInsensitive) o).operand());
            return inner == null ? null : inner.toString().toLowerCase(Locale.ROOT);
        }

        /** a against b, or null when either is unknown; both must be of one kind. */
        private Integer order(Object a, Object b, Kind ka, Kind kb, String operator) {
            if (ka != kb) {
                throw new IllegalArgumentException(operator + " compares values of one kind; a " + name(ka)
                        + " and a " + name(kb) + " are given");
            }
            if (a == null || b == null) {
                return null;
            }
            return ka == Kind.NUMBER ? ((BigDecimal) a).compareTo((BigDecimal) b) : a.toString().compareTo(b.toString());
        }

        private static String name(Kind k) {
            return k == Kind.TEXT ? "text" : "number";
        }
    }

    /** A LIKE pattern: % any run, _ one character, a backslash escaping the next. */
    static Pattern pattern(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
