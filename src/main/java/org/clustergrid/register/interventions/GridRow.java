package org.clustergrid.register.interventions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;

/**
 * A row of the grid as served: the row, its cluster's representative point (null once the cluster is retired), and
 * for a row made from a gap whether the current run still has that gap.
 *
 * @param gapState {@code open} or {@code closed} for a row made from a gap of a cluster in the run, else null
 */
public record GridRow(Intervention row, Point anchor, String gapState) {
    /** The properties served, in order: the cluster's, the fields, then where the row came from and its record. */
    public static final List<String> PROPERTIES = List.of("cluster_grid_id", "country", "category", "title", "status",
            "agency", "budget", "currency", "start_date", "end_date", "notes", "origin", "gap_indicator", "gap_state",
            "project", "cluster_status", "version", "created_by", "created_at", "changed_by", "changed_at");

    public String etag() {
        return InterventionTag.of(row);
    }

    /** {@code active}, or {@code retired} for a cluster no longer in the register (its rows are kept). */
    public String clusterStatus() {
        return anchor == null ? "retired" : "active";
    }

    public Map<String, Object> properties() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster_grid_id", row.clusterGridId());
        m.put("country", row.country());
        m.putAll(row.fields().toMap());
        m.put("origin", row.origin().id());
        m.put("gap_indicator", row.gapIndicator());
        m.put("gap_state", gapState);
        m.put("project", row.project());
        m.put("cluster_status", clusterStatus());
        m.put("version", row.version());
        m.put("created_by", row.createdBy());
        m.put("created_at", row.createdAt().toString());
        m.put("changed_by", row.changedBy());
        m.put("changed_at", row.changedAt().toString());
        return m;
    }
}
