package org.clustergrid.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One imported dataset.
 *
 * @param id short identifier chosen at import; re-importing under the same id replaces the dataset
 * @param source where the data came from (file name, URL, publisher)
 * @param licence licence name, e.g. {@code ODbL 1.0}
 * @param attribution the text a map or report must show
 * @param featureCounts how many features the dataset put into each layer
 * @param synthetic true when the data are generated, not observed; every view of them must say so
 * @param coverage where the dataset has data and for which layers; null for datasets imported before coverage was
 *     kept (the scoring then derives one from their features)
 */
public record Dataset(
        String id,
        String title,
        String source,
        String licence,
        String attribution,
        Instant importedAt,
        Map<Layer, Integer> featureCounts,
        boolean synthetic,
        Coverage coverage) {

    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(importedAt, "importedAt");
        EnumMap<Layer, Integer> counts = new EnumMap<>(Layer.class);
        if (featureCounts != null) {
            counts.putAll(featureCounts);
        }
        featureCounts = Map.copyOf(counts);
    }

    public int featureCount() {
        return featureCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
