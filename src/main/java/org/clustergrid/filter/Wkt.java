package org.clustergrid.filter;

import org.clustergrid.filter.Cql2Lexer.Token;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The WKT geometry literals of CQL2 Text, read by JTS from the type word to its closing parenthesis. Invalid polygons
 * are refused here, where the error can still point at them, rather than left for the database to stumble on.
 */
final class Wkt {
    static final GeometryFactory FACTORY = new GeometryFactory();

    /** A literal and the offset just after it. */
    record Literal(Geometry geometry, int end) {}

    private Wkt() {}

    static Literal read(Cql2Lexer lexer, Token type) {
        String s = lexer.source();
        int open = s.indexOf('(', type.end());
        if (open < 0 || !s.substring(type.end(), open).trim().matches("(?i)Z?")) {
            throw FilterSyntaxException.at(lexer.skipSpace(type.end()), "expected '(' to open the coordinates of "
                    + type.text() + " (EMPTY geometries are not supported)");
        }
        int close = matchingParenthesis(s, open);
        if (close < 0) {
            throw FilterSyntaxException.at(type.start(), "the " + type.text() + " literal has no closing ')'");
        }
        Geometry g = parse(s.substring(type.start(), close + 1), type);
        checkValid(g, type);
        return new Literal(g, close + 1);
    }

    private static int matchingParenthesis(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Geometry parse(String wkt, Token type) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw FilterSyntaxException.at(type.start(), "the " + type.text() + " literal is not valid WKT: "
                    + e.getMessage().replace(" (line 1)", ""));
        }
    }

    static void checkValid(Geometry g, Token type) {
        String problem = problem(g);
        if (problem != null) {
            throw FilterSyntaxException.at(type.start(), "the " + type.text() + " literal is not a valid geometry: "
                    + problem);
        }
    }

    /** Why {@code g} is not a valid geometry (a ring crossing itself, too few points …), or null. */
    static String problem(Geometry g) {
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        return error == null ? null : error.toString();
    }
}
