package org.clustergrid.filter;

import java.util.Locale;
import org.clustergrid.filter.Cql2Lexer.Token;

/** Says which parts of CQL2 this implementation leaves out, so a client learns it from the error, not the count. */
final class Unsupported {
    private Unsupported() {}

    /** The error for {@code name} written as a function that this API does not evaluate. */
    static FilterSyntaxException function(Token at, String name) {
        return FilterSyntaxException.at(at.start(), reason(name));
    }

    /** Why {@code function} (any case) cannot be used. */
    static String reason(String function) {
        String name = function.toUpperCase(Locale.ROOT);
        if (name.startsWith("S_")) {
            return name + " is not supported; the spatial function offered is S_INTERSECTS";
        }
        if (name.startsWith("T_")) {
            return "unknown temporal function " + name + "; the temporal functions are " + String.join(", ",
                    java.util.Arrays.stream(TemporalRelation.values()).map(TemporalRelation::function).toList());
        }
        if (name.startsWith("A_")) {
            return name + " is not supported: array functions are not";
        }
        if (name.equals("ACCENTI")) {
            return "ACCENTI is not supported; CASEI is";
        }
        return "unknown function " + name + "; the functions offered are S_INTERSECTS, CASEI, DATE, TIMESTAMP,"
                + " INTERVAL and the temporal functions (T_AFTER, T_BEFORE, T_DURING, T_INTERSECTS, …)";
    }
}
