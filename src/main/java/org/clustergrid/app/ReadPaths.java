package org.clustergrid.app;

/** Which request paths are the public, read-only data endpoints that get CORS and data-version validators. */
final class ReadPaths {
    private ReadPaths() {}

    /**
     * Open to any origin: everything under /api (but admin, the caller's own session and proposals, which answer by
     * who asks and change without the data changing), /ogc and /tiles.
     */
    static boolean isPublic(String path) {
        return (path.startsWith("/api/") && !path.startsWith("/api/admin/") && !path.equals("/api/session")
                && !path.equals("/api/proposals") && !path.startsWith("/api/proposals/"))
                || path.startsWith("/ogc/")
                || path.equals("/ogc") || path.startsWith("/tiles/");
    }

    /**
     * Answers that depend only on the stored data, so the data version validates them. Health (live status), scores
     * (they also follow the scoring profile, which changes without an import) and scenarios (made and deleted without
     * a change of the data) are left out, and so is what shows the Intervention grid (its rows change without the
     * data changing): its collection, the per-cluster listing and the cluster profile report.
     */
    static boolean followsData(String path) {
        return isPublic(path) && !path.startsWith("/api/health") && !path.startsWith("/api/scor")
                && !path.startsWith("/api/scenarios") && !path.contains("/collections/interventions")
                && !path.startsWith("/api/interventions/") && !path.endsWith("/interventions")
                && !path.startsWith("/api/reports/clusters/");
    }
}
