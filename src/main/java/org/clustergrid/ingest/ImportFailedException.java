package org.clustergrid.ingest;

/** An import that found errors; nothing was written. The report names every problem found. */
public class ImportFailedException extends RuntimeException {
    private final transient ImportReport report;

    public ImportFailedException(ImportReport report) {
        super("Import failed: " + report.summary());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
