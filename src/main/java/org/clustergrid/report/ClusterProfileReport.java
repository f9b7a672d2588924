package org.clustergrid.report;

import java.util.List;
import java.util.function.Function;
import org.clustergrid.register.interventions.ComputedRows;
import org.clustergrid.register.interventions.GapSource;
import org.clustergrid.register.interventions.Intervention;

/**
 * The profile of one cluster — the Cluster Grid's two grids on paper: identification, infrastructure and access
 * (with a map of the evidence and the scores against its peers), intervention, then the methodology and provenance.
 * Throws {@link UnknownClusterException} for an id the run does not have.
 */
public final class ClusterProfileReport implements ReportBuilder<String> {
    public static final String KIND = "Cluster profile";
    /** The cluster's Intervention grid; null prints the rows the profile's gaps make (nothing stored is read). */
    private final Function<String, List<Intervention>> grid;

    public ClusterProfileReport() {
        this(null);
    }

    /** @param grid a cluster's Intervention grid, stored and computed rows, by its Cluster Grid ID */
    public ClusterProfileReport(Function<String, List<Intervention>> grid) {
        this.grid = grid;
    }

    @Override
    public ReportDocument build(ReportContext context, String clusterGridId) {
        ClusterProfile p = ClusterProfileBuilder.build(context, clusterGridId);
        String name = p.identity().name();
        String subject = name == null || name.isBlank() ? p.identity().id() : p.identity().id() + " · " + name;
        return new ReportDocument(KIND, subject, ClusterProfileHtml.body(p, grid == null ? computed(context, p)
                : grid.apply(clusterGridId)), p.provenance());
    }

    /** The rows of the profile's own gaps, as the grid shows them before anyone edits one. */
    private static List<Intervention> computed(ReportContext context, ClusterProfile p) {
        GapSource.Run run = new GapSource.Run(context.run().id(), context.run().createdAt(), List.of());
        GapSource.ClusterGaps own = new GapSource.ClusterGaps(p.identity().id(), null,
                p.gaps().stream().map(ProfileGaps::gap).toList());
        return ComputedRows.merge(own, List.of(), run);
    }

    /** The profile's content, for callers that lay it out themselves. */
    public static ClusterProfile profile(ReportContext context, String clusterGridId) {
        return ClusterProfileBuilder.build(context, clusterGridId);
    }
}
