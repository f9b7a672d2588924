package org.clustergrid.register.interventions;

import java.time.Instant;
import org.clustergrid.register.interventions.Vocabulary.Origin;

/**
 * A row of a cluster's Intervention grid.
 *
 * @param id its id: the row's number, {@code <Cluster Grid ID>.<indicator>} for a row made from a computed gap
 *     (the same id before and after a person first edits it), or {@code <Cluster Grid ID>.portfolio.<project>} for a
 *     row of an accepted portfolio project; never given to another row
 * @param gapIndicator the indicator whose gap the row came from; null for a row entered by hand
 * @param project for a row of an accepted portfolio project: the project, the same on each of its rows (one per
 *     cluster it helps, each with the project's whole budget); null for other rows
 * @param version 0 for a computed row nobody has edited (it is not stored), else the number of its latest version
 * @param deleted removed by an editor: kept, and its id taken, but no longer in the grid
 */
public record Intervention(String id, String clusterGridId, Fields fields, Origin origin, String gapIndicator,
        String project, String createdBy, Instant createdAt, String changedBy, Instant changedAt, int version, boolean deleted) {

    /** Separates the cluster and the indicator in the id of a row made from a gap. */
    static final char GAP_ID_SEPARATOR = '.';

    /** Follows the cluster in the id of a portfolio project's row, where an indicator follows it for a gap's. */
    static final String PROJECT_ID_PART = "portfolio" + GAP_ID_SEPARATOR;

    static String gapId(String clusterGridId, String indicator) {
        return clusterGridId + GAP_ID_SEPARATOR + indicator;
    }

    static String projectId(String clusterGridId, String project) {
        return clusterGridId + GAP_ID_SEPARATOR + PROJECT_ID_PART + project;
    }

    public boolean stored() {
        return version > 0;
    }

    /** The country of the cluster, from its Cluster Grid ID {@code CG-<ISO2>-nnnnnn}; null for any other form. */
    public String country() {
        String c = clusterGridId;
        return c.length() > 6 && c.startsWith("CG-") && c.charAt(5) == '-' ? c.substring(3, 5) : null;
    }

    Intervention withFields(Fields f) {
        return new Intervention(id, clusterGridId, f, origin, gapIndicator, project, createdBy, createdAt, changedBy,
                changedAt, version, deleted);
    }
}
