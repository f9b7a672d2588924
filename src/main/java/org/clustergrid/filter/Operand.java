package org.clustergrid.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/** A value inside a condition: a property of the feature or a literal. */
public sealed interface Operand {

    /** A queryable by name, as the client wrote it (names are case-sensitive). */
    record Property(String name) implements Operand {}

    /** A character literal, quotes and escapes removed. */
    record Text(String value) implements Operand {}

    /**
     * A numeric literal, kept exact so the store decides between integer and floating point; without trailing zeros,
     * so 5e4, 50000 and 50000.0 are one literal.
     */
    record Numeric(BigDecimal value) implements Operand {
        public Numeric {
            value = value.stripTrailingZeros();
        }
    }

    record Bool(boolean value) implements Operand {}

    /** {@code DATE('2020-12-31')}, or a date written as a bound of an interval. */
    record Date(LocalDate value) implements Operand {}

    /** {@code TIMESTAMP('2020-12-31T10:00:00Z')} (UTC), or a timestamp written as a bound of an interval. */
    record Timestamp(Instant value) implements Operand {}

    /** An open end of an interval, written {@code '..'}. */
    record Unbounded() implements Operand {}

    /**
     * {@code INTERVAL(start, end)}, both ends included: each a {@link Date}, a {@link Timestamp}, a property holding
     * one, or {@link Unbounded}.
     */
    record Interval(Operand start, Operand end) implements Operand {}

    /** {@code CASEI(...)}: the operand compared without regard to case. */
    record CaseInsensitive(Operand operand) implements Operand {}

    /** A WKT or GeoJSON geometry, coordinates in the filter CRS's axis order. */
    record GeometryLiteral(Geometry geometry) implements Operand {}

    /**
     * {@code BBOX(...)} in the filter CRS's axis order. In longitude/latitude a {@code minX} east of {@code maxX}
     * means a box across the antimeridian, as for the {@code bbox} parameter.
     */
    record Box(double minX, double minY, double maxX, double maxY) implements Operand {}
}
