package org.clustergrid.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.clustergrid.filter.Cql2Lexer.Kind;
import org.clustergrid.filter.Cql2Lexer.Token;
import org.clustergrid.filter.Operand.Property;

/**
 * Reads CQL2 Text (OGC 21-065, the {@code cql2-text} encoding) into a {@link Condition}: Basic CQL2, the advanced
 * comparison operators (LIKE, BETWEEN, IN), CASEI, S_INTERSECTS with WKT and BBOX literals, DATE, TIMESTAMP and
 * INTERVAL literals and the temporal functions ({@link TemporalRelation}). A recursive-descent
 * parser over the grammar's rules; every error names the character where it went wrong and what was expected.
 */
public final class Cql2Text {
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL",
            "TRUE", "FALSE");
    static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final String COMPARISONS = "a comparison (=, <>, <, >, <=, >=, LIKE, BETWEEN, IN or IS NULL)";

    private final Cql2Lexer lexer;
    private Token token;

    private Cql2Text(String text) {
        this.lexer = new Cql2Lexer(text);
        this.token = lexer.read(0);
    }

    /** The condition {@code text} states; {@link FilterSyntaxException} when it is not CQL2 Text. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FilterSyntaxException("is empty; write a condition such as name = 'Main Road'");
        }
        Cql2Text parser = new Cql2Text(text);
        Condition c = parser.orExpression();
        if (parser.token.kind() != Kind.END) {
            throw parser.expected("AND, OR or the end of the filter");
        }
        return c;
    }

    private Condition orExpression() {
        List<Condition> terms = joined("OR", this::andExpression);
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(terms);
    }

    private Condition andExpression() {
        List<Condition> factors = joined("AND", this::factor);
        return factors.size() == 1 ? factors.get(0) : new Condition.And(factors);
    }

    /** One or more of {@code part} joined by {@code keyword}. */
    private List<Condition> joined(String keyword, Supplier<Condition> part) {
        List<Condition> parts = new ArrayList<>(List.of(part.get()));
        while (token.isWord(keyword)) {
            advance();
            parts.add(part.get());
        }
        return parts;
    }

    private Condition factor() {
        if (token.isWord("NOT")) {
            advance();
            return new Condition.Not(factor());
        }
        return primary();
    }

    private Condition primary() {
        if (token.isSymbol("(")) {
            Token open = token;
            advance();
            Condition c = orExpression();
            expectSymbol(")", "')' to close the '(' at character " + (open.start() + 1));
            return c;
        }
        if (token.kind() == Kind.WORD && next().isSymbol("(")) {
            String name = upper(token);
            if (name.equals("S_INTERSECTS")) {
                return intersects();
            }
            if (TemporalRelation.byName(name).isPresent()) {
                return temporal(TemporalRelation.byName(name).get());
            }
        }
        Token start = token;
        Operand left = operand("a condition");
        return predicate(left, start);
    }

    private Condition predicate(Operand left, Token start) {
        if (token.kind() == Kind.SYMBOL && Comparison.bySymbol(token.text()) != null) {
            Comparison op = Comparison.bySymbol(token.text());
            advance();
            return new Condition.Compare(left, op, operand("a value after '" + op.symbol() + "'"));
        }
        boolean negated = token.isWord("NOT");
        if (negated) {
            advance();
            if (!token.isWord("LIKE") && !token.isWord("BETWEEN") && !token.isWord("IN")) {
                throw expected("LIKE, BETWEEN or IN after NOT");
            }
        }
        if (token.isWord("LIKE")) {
            advance();
            return new Condition.Like(left, pattern(), negated);
        }
        if (token.isWord("BETWEEN")) {
            advance();
            Operand low = operand("a value after BETWEEN");
            expectWord("AND", "AND between the two bounds of BETWEEN");
            return new Condition.Between(left, low, operand("a value after AND"), negated);
        }
        if (token.isWord("IN")) {
            advance();
            return new Condition.In(left, list(), negated);
        }
        if (token.isWord("IS")) {
            advance();
            boolean not = token.isWord("NOT");
            if (not) {
                advance();
            }
            expectWord("NULL", "NULL after IS" + (not ? " NOT" : ""));
            return new Condition.IsNull(left, not);
        }
        if (left instanceof Operand.Bool b) {
            return new Condition.Constant(b.value());
        }
        throw expected(COMPARISONS + " after " + start.describe());
    }

    /** LIKE takes a quoted pattern, possibly inside CASEI. */
    private Operand pattern() {
        if (token.kind() == Kind.TEXT) {
            Operand p = new Operand.Text(token.value());
            advance();
            return p;
        }
        if (token.isWord("CASEI") && next().isSymbol("(")) {
            advance();
            advance();
            Operand inner = pattern();
            expectSymbol(")", "')' to close CASEI");
            return new Operand.CaseInsensitive(inner);
        }
        throw expected("a pattern in quotes after LIKE, such as '%Road%'");
    }

    private List<Operand> list() {
        expectSymbol("(", "'(' to open the list after IN");
        List<Operand> values = new ArrayList<>(List.of(operand("a value in the IN list")));
        while (token.isSymbol(",")) {
            advance();
            values.add(operand("a value after ',' in the IN list"));
        }
        expectSymbol(")", "',' or ')' in the IN list");
        return values;
    }

    private Condition intersects() {
        advance();
        advance();
        Operand first = spatialOperand("a geometry (the property geometry, a WKT literal or BBOX) in S_INTERSECTS");
        expectSymbol(",", "',' between the two geometries of S_INTERSECTS");
        Operand second = spatialOperand("a geometry (a WKT literal such as POINT(80.1 20.2), BBOX(...) or the "
                + "property geometry) after ','");
        expectSymbol(")", "')' to close S_INTERSECTS");
        return new Condition.Intersects(first, second);
    }

    private Condition temporal(TemporalRelation relation) {
        String f = relation.function();
        advance();
        advance();
        Operand first = operand("an instant or an interval (a property, DATE, TIMESTAMP or INTERVAL) in " + f);
        expectSymbol(",", "',' between the two arguments of " + f);
        Operand second = operand("an instant or an interval (a property, DATE, TIMESTAMP or INTERVAL) after ','");
        expectSymbol(")", "')' to close " + f);
        return new Condition.Temporal(relation, first, second);
    }

    private Operand spatialOperand(String what) {
        if (token.kind() == Kind.QUOTED_NAME) {
            return name();
        }
        if (token.kind() == Kind.WORD) {
            String name = upper(token);
            if (name.equals("BBOX") || GEOMETRY_TYPES.contains(name) || !KEYWORDS.contains(name)) {
                return operand(what);
            }
        }
        throw expected(what);
    }

    private Operand operand(String what) {
        switch (token.kind()) {
            case TEXT -> {
                Operand t = new Operand.Text(token.value());
                advance();
                return t;
            }
            case NUMBER -> {
                Operand n = new Operand.Numeric(Literals.number(token.text()));
                advance();
                return n;
            }
            case QUOTED_NAME -> {
                return name();
            }
            case WORD -> {
                return wordOperand(what);
            }
            default -> throw expected(what);
        }
    }

    private Operand wordOperand(String what) {
        String name = upper(token);
        if (name.equals("TRUE") || name.equals("FALSE")) {
            Operand b = new Operand.Bool(name.equals("TRUE"));
            advance();
            return b;
        }
        if (GEOMETRY_TYPES.contains(name)) {
            Wkt.Literal literal = Wkt.read(lexer, token);
            token = lexer.read(literal.end());
            return new Operand.GeometryLiteral(literal.geometry());
        }
        if (next().isSymbol("(")) {
            return functionOperand(name);
        }
        if (KEYWORDS.contains(name)) {
            throw expected(what);
        }
        Operand p = new Property(token.text());
        advance();
        return p;
    }

    private Operand functionOperand(String name) {
        if (name.equals("CASEI")) {
            advance();
            advance();
            Operand inner = operand("a text or a property inside CASEI");
            expectSymbol(")", "')' to close CASEI");
            return new Operand.CaseInsensitive(inner);
        }
        if (name.equals("BBOX")) {
            return box();
        }
        if (name.equals("DATE") || name.equals("TIMESTAMP")) {
            Token start = token;
            advance();
            advance();
            if (token.kind() != Kind.TEXT) {
                throw expected("a " + name.toLowerCase(Locale.ROOT) + " in quotes inside " + name + "(...)");
            }
            String text = token.value();
            advance();
            expectSymbol(")", "')' to close " + name);
            try {
                return name.equals("DATE") ? TemporalLiterals.date(text) : TemporalLiterals.timestamp(text);
            } catch (FilterSyntaxException e) {
                throw FilterSyntaxException.at(start.start(), e.getMessage().substring("filter: ".length()));
            }
        }
        if (name.equals("INTERVAL")) {
            advance();
            advance();
            Operand start = bound();
            expectSymbol(",", "',' between the start and the end of INTERVAL");
            Operand end = bound();
            expectSymbol(")", "')' to close INTERVAL");
            return new Operand.Interval(start, end);
        }
        throw Unsupported.function(token, name);
    }

    /** A bound of an INTERVAL: a date, timestamp or '..' in quotes, DATE(...), TIMESTAMP(...) or a property. */
    private Operand bound() {
        if (token.kind() == Kind.TEXT) {
            Token at = token;
            advance();
            try {
                return TemporalLiterals.bound(at.value());
            } catch (FilterSyntaxException e) {
                throw FilterSyntaxException.at(at.start(), e.getMessage().substring("filter: ".length()));
            }
        }
        Operand o = operand("a bound of INTERVAL: a date or timestamp in quotes, '..', or a property");
        if (o instanceof Operand.Date || o instanceof Operand.Timestamp || o instanceof Property) {
            return o;
        }
        throw FilterSyntaxException.at(token.start(), "a bound of INTERVAL is a date or timestamp in quotes, '..',"
                + " DATE(...), TIMESTAMP(...) or a property");
    }

    /** {@code BBOX(minX, minY, maxX, maxY)}, or six numbers with heights, which are dropped. */
    private Operand box() {
        Token start = token;
        advance();
        advance();
        List<Double> n = new ArrayList<>(List.of(number("a number in BBOX")));
        while (token.isSymbol(",")) {
            advance();
            n.add(number("a number after ',' in BBOX"));
        }
        expectSymbol(")", "',' or ')' in BBOX");
        if (n.size() != 4 && n.size() != 6) {
            throw FilterSyntaxException.at(start.start(), "BBOX takes 4 numbers (or 6 with heights); got "
                    + n.size());
        }
        int half = n.size() / 2;
        return new Operand.Box(n.get(0), n.get(1), n.get(half), n.get(half + 1));
    }

    private double number(String what) {
        if (token.kind() != Kind.NUMBER) {
            throw expected(what);
        }
        double v = Double.parseDouble(token.text());
        advance();
        return v;
    }

    private Operand name() {
        Operand p = new Property(token.value());
        advance();
        return p;
    }

    private Token next() {
        return lexer.read(token.end());
    }

    private void advance() {
        token = lexer.read(token.end());
    }

    private void expectSymbol(String symbol, String what) {
        if (!token.isSymbol(symbol)) {
            throw expected(what);
        }
        advance();
    }

    private void expectWord(String word, String what) {
        if (!token.isWord(word)) {
            throw expected(what);
        }
        advance();
    }

    private FilterSyntaxException expected(String what) {
        return FilterSyntaxException.at(token.start(), "expected " + what + "; got " + token.describe());
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }
}
