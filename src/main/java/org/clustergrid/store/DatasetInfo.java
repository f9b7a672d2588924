package org.clustergrid.store;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a user says about a dataset when importing it. */
public record DatasetInfo(
        String id, String title, String source, String licence, String attribution, boolean synthetic) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public DatasetInfo {
        Objects.requireNonNull(id, "dataset id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dataset id '" + id
                    + "' must be 1-64 characters of lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }
        title = title == null || title.isBlank() ? id : title;
    }
}
