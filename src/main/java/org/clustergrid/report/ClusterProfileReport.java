package org.clustergrid.report;

/**
 * The profile of one cluster — the Cluster Grid's two grids on paper: identification, infrastructure and access
 * (with a map of the evidence and the scores against its peers), intervention, then the methodology and provenance.
 * Throws {@link UnknownClusterException} for an id the run does not have.
 */
public final class ClusterProfileReport implements ReportBuilder<String> {
    public static final String KIND = "Cluster profile";

    @Override
    public ReportDocument build(ReportContext context, String clusterGridId) {
        ClusterProfile p = ClusterProfileBuilder.build(context, clusterGridId);
        String name = p.identity().name();
        String subject = name == null || name.isBlank() ? p.identity().id() : p.identity().id() + " · " + name;
        return new ReportDocument(KIND, subject, ClusterProfileHtml.body(p), p.provenance());
    }

    /** The profile's content, for callers that lay it out themselves. */
    public static ClusterProfile profile(ReportContext context, String clusterGridId) {
        return ClusterProfileBuilder.build(context, clusterGridId);
    }
}
