package org.clustergrid.app;

import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.interventions.GapSource;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.report.ProfileGaps;
import org.clustergrid.report.ReportContext;
import org.clustergrid.store.SpatialStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Intervention grid on the current run: its computed rows are the gaps of the run the reports are made on, read
 * once per run (an edit of the register, an import, makes a new run and so new gaps).
 */
@Configuration
public class InterventionGaps implements GapSource {
    private final ReportService reports;
    private ReportContext seen;
    private Run run;

    public InterventionGaps(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public synchronized Run current() {
        ReportContext ctx = reports.context();
        if (ctx != seen) {
            run = ProfileGaps.of(ctx);
            seen = ctx;
        }
        return run;
    }

    @Bean
    public InterventionGrid interventionGrid(SpatialStore store, ClusterRegister register) {
        return new InterventionGrid(store, register, this);
    }
}
