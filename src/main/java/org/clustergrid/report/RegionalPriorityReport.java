package org.clustergrid.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringRun;

/**
 * The regional priority report: a region's clusters in figures (sizes, gaps by dimension, data coverage), on two maps
 * and a chart, broken down by sub-region, its highest priorities, then the methodology and provenance every report
 * ends with. The full list is its CSV, the rows /api/scores writes for the same run. Throws
 * {@link EmptyRegionException} for a region without clusters.
 */
public final class RegionalPriorityReport implements ReportBuilder<RegionReportRequest> {
    public static final String KIND = "Regional priority report";

    @Override
    public ReportDocument build(ReportContext context, RegionReportRequest request) {
        RegionalContent c = RegionalContentBuilder.build(context, request);
        return new ReportDocument(KIND, request.scope().name(), RegionalReportHtml.body(c), c.provenance());
    }

    /**
     * Every cluster of the region as /api/scores?f=csv writes them (same columns, values and order), made by the same
     * writer on the same run.
     */
    public static String csv(ReportContext context, RegionScope scope) {
        List<ScoringRun.Ranked> all = context.run().byRank();
        Set<String> ids = new HashSet<>(RegionalContentBuilder.memberIds(context, scope));
        if (ids.isEmpty()) {
            throw new EmptyRegionException(scope);
        }
        return ScoreOutput.csv(all.stream().filter(r -> ids.contains(r.score().id())).toList());
    }
}
