package org.clustergrid.store;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;

/**
 * What a user says about a dataset when importing it.
 *
 * @param declaredCoverage the area the user says the dataset covers ({@code --coverage}), with how it was given;
 *     null to take the file's bounds or derive it from the features
 * @param coverageLayers the layers the dataset speaks for inside its coverage, those it has no feature of included;
 *     empty for the layers it writes features to
 */
public record DatasetInfo(
        String id, String title, String source, String licence, String attribution, boolean synthetic,
        Coverage declaredCoverage, Set<Layer> coverageLayers) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public DatasetInfo {
        Objects.requireNonNull(id, "dataset id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dataset id '" + id
                    + "' must be 1-64 characters of lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }
        title = title == null || title.isBlank() ? id : title;
        coverageLayers = coverageLayers == null ? Set.of() : Set.copyOf(coverageLayers);
    }

    public DatasetInfo(String id, String title, String source, String licence, String attribution, boolean synthetic) {
        this(id, title, source, licence, attribution, synthetic, null, Set.of());
    }

    public DatasetInfo withCoverageLayers(Set<Layer> layers) {
        return new DatasetInfo(id, title, source, licence, attribution, synthetic, declaredCoverage, layers);
    }
}
