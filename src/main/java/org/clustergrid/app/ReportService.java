package org.clustergrid.app;

import java.io.IOException;
import org.clustergrid.register.interventions.GridRow;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.report.ClusterProfileReport;
import org.clustergrid.report.Paper;
import org.clustergrid.report.ProfileSources;
import org.clustergrid.report.ReportContext;
import org.clustergrid.report.ReportDocument;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.Reports;
import org.clustergrid.store.SpatialStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Reports on the profile's current run (the one the map shows by default): one context per run, read from the
 * store once and shared by every report made on it. See docs/reports.md.
 */
@Service
public class ReportService {
    private final SpatialStore store;
    private final ScoringService scoring;
    private final ScenarioService scenarios;
    private ReportContext context;

    /** The Intervention grid, whose computed rows are made from this service's context: taken when first used. */
    private final ObjectProvider<InterventionGrid> grid;

    public ReportService(SpatialStore store, ScoringService scoring, ScenarioService scenarios,
            ObjectProvider<InterventionGrid> grid) {
        this.store = store;
        this.grid = grid;
        this.scoring = scoring;
        this.scenarios = scenarios;
    }

    /** The context of the current default run, made again when the data (and so the run) changed. */
    public synchronized ReportContext context() {
        ScoringService.Scored s = scoring.scored();
        if (context == null || context.run() != s.run()) {
            context = ReportContext.of(store, s.run(), s.engine(),
                    ProfileSources.of(s.run().profile(), scoring.profileFile()), scenarios.costs());
        }
        return context;
    }

    /**
     * The profile of a cluster of the current run.
     *
     * @throws org.clustergrid.report.UnknownClusterException when the run has no cluster of this id
     */
    public ReportDocument clusterProfile(String clusterGridId) {
        ReportContext ctx = context();
        return new ClusterProfileReport(id -> grid.getObject().ofCluster(id).stream().map(GridRow::row).toList())
                .build(ctx, clusterGridId);
    }

    public byte[] clusterProfile(String clusterGridId, ReportFormat format, Paper paper) throws IOException {
        return Reports.bytes(clusterProfile(clusterGridId), format, paper);
    }
}
