package org.clustergrid.filter;

import java.util.List;

/** A CQL2 boolean expression: what a feature must satisfy to be selected. */
public sealed interface Condition {

    <R> R accept(Visitor<R> visitor);

    /** All of {@code conditions} hold. */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.and(this);
        }
    }

    /** At least one of {@code conditions} holds. */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.or(this);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.not(this);
        }
    }

    /** {@code TRUE} or {@code FALSE} written as a whole condition. */
    record Constant(boolean value) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.constant(this);
        }
    }

    record Compare(Operand left, Comparison operator, Operand right) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.compare(this);
        }
    }

    /** {@code pattern} uses {@code %} for any run of characters, {@code _} for one, {@code \} to escape them. */
    record Like(Operand value, Operand pattern, boolean negated) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.like(this);
        }
    }

    /** {@code low <= value <= high}. */
    record Between(Operand value, Operand low, Operand high, boolean negated) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.between(this);
        }
    }

    record In(Operand value, List<Operand> list, boolean negated) implements Condition {
        public In {
            list = List.copyOf(list);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.in(this);
        }
    }

    record IsNull(Operand value, boolean negated) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.isNull(this);
        }
    }

    /** {@code S_INTERSECTS}: the two geometries share at least one point. */
    record Intersects(Operand left, Operand right) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.intersects(this);
        }
    }

    /**
     * A temporal function ({@code T_AFTER(left, right)} …): each side an instant (a date, a timestamp, a property
     * holding one) or an interval, an instant being an interval whose ends coincide.
     */
    record Temporal(TemporalRelation relation, Operand left, Operand right) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.temporal(this);
        }
    }

    /** One method per kind of condition, so a new kind cannot be forgotten by a translator. */
    interface Visitor<R> {
        R and(And c);

        R or(Or c);

        R not(Not c);

        R constant(Constant c);

        R compare(Compare c);

        R like(Like c);

        R between(Between c);

        R in(In c);

        R isNull(IsNull c);

        R intersects(Intersects c);

        R temporal(Temporal c);
    }
}
