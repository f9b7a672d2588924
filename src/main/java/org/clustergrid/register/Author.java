package org.clustergrid.register;

/**
 * Who makes a change and why, recorded with the version it makes.
 *
 * @param actor a user's or key's name
 * @param via how they were known ({@code session}, {@code key}, {@code cli} …)
 * @param comment why, in the editor's words; may be null
 */
public record Author(String actor, String via, String comment) {
    /** Longest comment kept, as the history column holds it. */
    public static final int MAX_COMMENT = 1000;

    public Author {
        if (comment != null) {
            comment = comment.strip();
            if (comment.isEmpty()) {
                comment = null;
            } else if (comment.length() > MAX_COMMENT) {
                throw RegisterException.badInput("comment", "is " + comment.length()
                        + " characters long, more than the " + MAX_COMMENT + " allowed");
            }
        }
    }
}
