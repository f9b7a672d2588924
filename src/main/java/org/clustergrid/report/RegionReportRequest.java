package org.clustergrid.report;

import java.util.Objects;

/**
 * What a regional priority report is asked for: the region, the sub-regions to break it down by (null for none) and
 * how many of its highest priorities to list.
 */
public record RegionReportRequest(RegionScope scope, RegionBreakdown breakdown, int top) {
    public static final int DEFAULT_TOP = 20;
    public static final int MAX_TOP = 500;

    public RegionReportRequest {
        Objects.requireNonNull(scope, "scope");
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("top must be a whole number from 1 to " + MAX_TOP + ", not " + top);
        }
    }
}
