package org.clustergrid.filter;

/**
 * A filter that is not CQL2 (or uses a part of it that is not supported), with where and what was expected. An
 * {@link IllegalArgumentException}, as every refused request value is.
 */
public class FilterSyntaxException extends IllegalArgumentException {
    FilterSyntaxException(String message) {
        super("filter: " + message);
    }

    /** {@code offset} counts from 0; the message counts characters from 1, as people do. */
    static FilterSyntaxException at(int offset, String message) {
        return new FilterSyntaxException("at character " + (offset + 1) + ", " + message);
    }
}
