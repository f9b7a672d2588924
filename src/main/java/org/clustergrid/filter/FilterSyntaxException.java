package org.clustergrid.filter;

/**
 * A filter that is not CQL2 (or uses a part of it that is not supported), with where and what was expected. An
 * {@link IllegalArgumentException}, as every refused request value is.
 */
public class FilterSyntaxException extends IllegalArgumentException {
    /** Messages quote excerpts of the filter; this bounds the rest (e.g. a WKT reader's words) as well. */
    private static final int MAX_MESSAGE = 400;

    FilterSyntaxException(String message) {
        super(bounded("filter: " + message));
    }

    private static String bounded(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /** {@code offset} counts from 0; the message counts characters from 1, as people do. */
    static FilterSyntaxException at(int offset, String message) {
        return new FilterSyntaxException("at character " + (offset + 1) + ", " + message);
    }
}
