package org.clustergrid.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The temporal functions of CQL2 (OGC 21-065, Temporal Functions), each a condition on the ends of its two sides as
 * the OWL-Time interval relations define them: {@code a} the left side, {@code b} the right, an instant an interval
 * whose start is its end, an open end ({@code '..'}) earlier or later than any time.
 */
public enum TemporalRelation {
    T_AFTER(false, term(End.A_START, Comparison.GREATER, End.B_END)),
    T_BEFORE(false, term(End.A_END, Comparison.LESS, End.B_START)),
    T_CONTAINS(false, term(End.A_START, Comparison.LESS, End.B_START), term(End.A_END, Comparison.GREATER, End.B_END)),
    /** Not {@link #T_INTERSECTS}. */
    T_DISJOINT(true, term(End.A_START, Comparison.LESS_OR_EQUAL, End.B_END),
            term(End.A_END, Comparison.GREATER_OR_EQUAL, End.B_START)),
    T_DURING(false, term(End.A_START, Comparison.GREATER, End.B_START), term(End.A_END, Comparison.LESS, End.B_END)),
    T_EQUALS(false, term(End.A_START, Comparison.EQUAL, End.B_START), term(End.A_END, Comparison.EQUAL, End.B_END)),
    T_FINISHEDBY(false, term(End.A_START, Comparison.LESS, End.B_START), term(End.A_END, Comparison.EQUAL, End.B_END)),
    T_FINISHES(false, term(End.A_START, Comparison.GREATER, End.B_START), term(End.A_END, Comparison.EQUAL, End.B_END)),
    T_INTERSECTS(false, term(End.A_START, Comparison.LESS_OR_EQUAL, End.B_END),
            term(End.A_END, Comparison.GREATER_OR_EQUAL, End.B_START)),
    T_MEETS(false, term(End.A_END, Comparison.EQUAL, End.B_START)),
    T_METBY(false, term(End.A_START, Comparison.EQUAL, End.B_END)),
    T_OVERLAPPEDBY(false, term(End.A_START, Comparison.GREATER, End.B_START),
            term(End.A_START, Comparison.LESS, End.B_END), term(End.A_END, Comparison.GREATER, End.B_END)),
    T_OVERLAPS(false, term(End.A_START, Comparison.LESS, End.B_START), term(End.A_END, Comparison.GREATER, End.B_START),
            term(End.A_END, Comparison.LESS, End.B_END)),
    T_STARTEDBY(false, term(End.A_START, Comparison.EQUAL, End.B_START), term(End.A_END, Comparison.GREATER, End.B_END)),
    T_STARTS(false, term(End.A_START, Comparison.EQUAL, End.B_START), term(End.A_END, Comparison.LESS, End.B_END));

    /** An end of one of the two sides. */
    public enum End {
        A_START,
        A_END,
        B_START,
        B_END
    }

    /** {@code left operator right}, on two ends. */
    public record Term(End left, Comparison operator, End right) {}

    private final boolean negated;
    private final List<Term> terms;

    TemporalRelation(boolean negated, Term... terms) {
        this.negated = negated;
        this.terms = List.of(terms);
    }

    private static Term term(End left, Comparison op, End right) {
        return new Term(left, op, right);
    }

    /** The terms that must all hold (or, when {@link #negated}, not all hold). */
    public List<Term> terms() {
        return terms;
    }

    /** Whether the relation is the negation of its terms' conjunction. */
    public boolean negated() {
        return negated;
    }

    /** As written in CQL2 Text ({@code T_AFTER}). */
    public String function() {
        return name();
    }

    /** The function of that name, any case ({@code t_after} in CQL2 JSON). */
    public static Optional<TemporalRelation> byName(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(n)).findFirst();
    }
}
