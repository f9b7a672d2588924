package org.clustergrid.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.model.Dataset;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;

/**
 * Where every number of a report comes from: the scoring run (id, time, profile and its digest, weights, data
 * version), the profile with the source of each weight, curve, target and parameter, and every dataset and layer of
 * the store with its licence and attribution. Each kind of report ends with it ({@link ProvenanceSection}).
 */
public record Provenance(ScoringRun run, ScoringProfile profile, ProfileSources sources, List<Dataset> datasets,
        List<ContextLayer> layers, Instant generatedAt) {

    public Provenance {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(sources, "sources");
        datasets = List.copyOf(datasets);
        layers = List.copyOf(layers);
    }

    /** The dataset of this id, if the store holds it. */
    public java.util.Optional<Dataset> dataset(String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The dataset a stored feature id ({@code dataset.id}) belongs to: the longest dataset id it starts with, since a
     * dataset id may itself hold dots.
     */
    public java.util.Optional<Dataset> datasetOfFeature(String featureId) {
        Dataset best = null;
        for (Dataset d : datasets) {
            if (featureId != null && featureId.startsWith(d.id() + ".")
                    && (best == null || d.id().length() > best.id().length())) {
                best = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * The text a map or page must show for a dataset, or null: its attribution, and for synthetic data a warning when
     * it has none. (The WMS applies the same rule to the maps it serves.)
     */
    public static String attribution(Dataset d) {
        String text = d.attribution();
        if (text == null || text.isBlank()) {
            return d.synthetic() ? "Synthetic data — not real places" : null;
        }
        return text.strip();
    }
}
