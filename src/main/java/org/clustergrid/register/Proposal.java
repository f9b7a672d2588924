package org.clustergrid.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A change proposed by someone who may not edit, as stored.
 *
 * @param clusterGridId the cluster an update or retirement is for; null for a new cluster
 * @param body the GeoJSON Feature (create) or JSON Merge Patch (update) as proposed; null for a retirement
 * @param etag the cluster's entity tag when the proposal was made; accepting needs it unchanged
 * @param proposer the caller's name, as the audit log names it
 * @param decidedBy the editor who accepted or rejected it; null while pending
 * @param resultClusterGridId for an accepted proposal, the cluster it made or changed
 * @param resultVersion for an accepted proposal, the version of that cluster's history it made (or found)
 */
public record Proposal(long id, ProposalKind kind, String clusterGridId, JsonNode body, String etag, String comment,
        String proposer, String proposerVia, Instant proposedAt, ProposalStatus status, String decidedBy,
        Instant decidedAt, String note, String resultClusterGridId, Integer resultVersion) {

    /** The cluster it is about, once known: the one named, or the one an accepted creation made. */
    public String cluster() {
        return clusterGridId != null ? clusterGridId : resultClusterGridId;
    }
}
