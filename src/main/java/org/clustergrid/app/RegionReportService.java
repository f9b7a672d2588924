package org.clustergrid.app;

import java.io.IOException;
import org.clustergrid.report.Paper;
import org.clustergrid.report.RegionQuery;
import org.clustergrid.report.RegionReportRequest;
import org.clustergrid.report.RegionScopes;
import org.clustergrid.report.RegionalPriorityReport;
import org.clustergrid.report.ReportContext;
import org.clustergrid.report.ReportDocument;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.Reports;
import org.clustergrid.store.SpatialStore;
import org.springframework.stereotype.Service;

/**
 * Regional priority reports on the profile's current run, the one /api/scores serves without weights: the region
 * found in the store ({@link RegionScopes}), then laid out as HTML or PDF, or its clusters' rows as CSV.
 */
@Service
public class RegionReportService {
    private final ReportService reports;
    private final SpatialStore store;
    private final int maxVertices;

    public RegionReportService(ReportService reports, SpatialStore store, ClusterGridProperties properties) {
        this.reports = reports;
        this.store = store;
        this.maxVertices = properties.limits().geometryVertices();
    }

    /** The run every report is made on. */
    public ReportContext context() {
        return reports.context();
    }

    /**
     * @throws org.clustergrid.report.UnknownRegionException for a layer or area the store lacks
     * @throws IllegalArgumentException for input that cannot be a region
     */
    public RegionReportRequest request(RegionQuery query) {
        return RegionScopes.resolve(store.contextLayers(), query, maxVertices);
    }

    /** @throws org.clustergrid.report.EmptyRegionException when no cluster of the run lies in the region */
    public ReportDocument document(ReportContext context, RegionReportRequest request) {
        return new RegionalPriorityReport().build(context, request);
    }

    public byte[] report(RegionReportRequest request, ReportFormat format, Paper paper) throws IOException {
        return Reports.bytes(document(context(), request), format, paper);
    }

    /** The region's clusters as /api/scores?f=csv writes them for the same run. */
    public String csv(RegionReportRequest request) {
        return RegionalPriorityReport.csv(context(), request.scope());
    }
}
