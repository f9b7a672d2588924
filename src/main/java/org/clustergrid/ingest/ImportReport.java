package org.clustergrid.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportProblem.Severity;
import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Envelope;

/**
 * What an import found and did. Readers add problems as they go; the import fails when any error was added.
 * Only the first {@value #MAX_LISTED} problems with records are kept in full; the rest are counted, so a file with a
 * million bad lines cannot exhaust memory.
 */
public final class ImportReport {
    static final int MAX_LISTED = 500;

    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<Layer, Integer> counts = new EnumMap<>(Layer.class);
    private int errorCount;
    private int warningCount;
    private int skipped;
    private final boolean skipInvalidRecords;
    private final List<Envelope> fileBounds = new ArrayList<>();
    private final List<String> fileBoundsSources = new ArrayList<>();

    /** A strict report: any bad record fails the import. */
    public ImportReport() {
        this(false);
    }

    /**
     * @param skipInvalidRecords when true, a bad record is reported as a warning and left out instead of failing the
     *     import (like GDAL's {@code -skipfailures}); problems with the file as a whole still fail it
     */
    public ImportReport(boolean skipInvalidRecords) {
        this.skipInvalidRecords = skipInvalidRecords;
    }

    public synchronized void error(String file, String location, String field, String message) {
        errorCount++;
        add(new ImportProblem(Severity.ERROR, file, location, field, message));
    }

    public synchronized void warning(String file, String location, String field, String message) {
        warningCount++;
        add(new ImportProblem(Severity.WARNING, file, location, field, message));
    }

    /**
     * A record that cannot be imported (bad value, empty geometry, …). The caller leaves the record out; whether that
     * fails the import depends on {@code skipInvalidRecords}.
     */
    public synchronized void recordError(String file, String location, String field, String message) {
        if (skipInvalidRecords) {
            warning(file, location, field, message + " (record skipped)");
        } else {
            error(file, location, field, message);
        }
    }

    private void add(ImportProblem p) {
        // problems with a file as a whole are few and explain the many record ones, so they are always kept
        if (problems.size() < MAX_LISTED || p.location() == null) {
            problems.add(p);
        }
    }

    /** Counts a feature accepted into a layer. */
    public synchronized void accepted(Layer layer) {
        counts.merge(layer, 1, Integer::sum);
    }

    /** Takes back the count of an accepted feature that the store then left out (a skipped duplicate id). */
    public synchronized void leftOut(Layer layer) {
        counts.computeIfPresent(layer, (l, n) -> n > 1 ? n - 1 : null);
    }

    /** Counts a source record that no rule mapped to any layer (not an error). */
    public synchronized void skipped() {
        skipped++;
    }

    public synchronized boolean hasErrors() {
        return errorCount > 0;
    }

    public synchronized int errorCount() {
        return errorCount;
    }

    public synchronized int warningCount() {
        return warningCount;
    }

    public synchronized int skippedCount() {
        return skipped;
    }

    public synchronized List<ImportProblem> problems() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public synchronized Map<Layer, Integer> counts() {
        return Map.copyOf(counts);
    }

    /**
     * A one-paragraph human summary: counts, then the first problems. A failed import wrote nothing, so its summary
     * says so instead of giving the counts of features that were read but not imported.
     */
    public synchronized String summary() {
        StringBuilder s = new StringBuilder();
        s.append(errorCount).append(" error(s), ").append(warningCount).append(" warning(s)");
        if (errorCount > 0) {
            s.append("; nothing was written");
        } else {
            counts.forEach((layer, n) -> s.append(", ").append(n).append(' ').append(layer.id()));
        }
        if (skipped > 0 && errorCount == 0) {
            s.append(", ").append(skipped).append(" record(s) matched no layer");
        }
        for (ImportProblem p : problems) {
            s.append('\n').append(p);
        }
        int unlisted = errorCount + warningCount - problems.size();
        if (unlisted > 0) {
            s.append("\n… and ").append(unlisted).append(" more");
        }
        return s.toString();
    }

    /** The area a file declares it covers (an OSM extract's header bounds), kept as the dataset's coverage. */
    public synchronized void fileBounds(Envelope bounds, String source) {
        fileBounds.add(new Envelope(bounds));
        fileBoundsSources.add(source);
    }

    /** The bounds the files read declared, one per file that declared any. */
    public synchronized List<Envelope> fileBounds() {
        return List.copyOf(fileBounds);
    }

    public synchronized String fileBoundsSource() {
        return String.join("; ", fileBoundsSources);
    }
}
