package org.clustergrid.register.roundtrip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFiles;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.InterventionRestore;
import org.clustergrid.store.RestoreOutcome;
import org.clustergrid.store.RestoredDataset;
import org.clustergrid.store.SpatialStore;

/**
 * Restores the register from its export ({@link RegisterExport}), CSV, GeoJSON or GeoPackage: every record goes back
 * to the dataset its {@code dataset} column names, with its Cluster Grid ID, all in one transaction. Each dataset in
 * the file has its clusters replaced, as a re-import replaces them (a cluster of it the file lacks is retired, its
 * other layers stay); datasets the file does not name are left alone. It is the one import that may write the
 * dataset {@code register}, the clusters made by editing. Each cluster that changed gets one version in its history
 * naming the file; an unchanged one gets none. The Intervention grid's stored rows come back in the same transaction
 * with their ids ({@link InterventionRecords}, {@link InterventionRestore}), likewise a version per changed row, and
 * so do the datasets' metadata ({@link DatasetRecords}): a dataset the store lacks is made with it, one it has takes
 * the file's where it differs.
 */
public final class RegisterRestore {
    private final SpatialStore store;
    private final ImportLimits limits;

    public RegisterRestore(SpatialStore store, ImportLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * What a restore did: the clusters written per dataset, the datasets made (the store lacked them) and changed
     * (their metadata replaced by the file's), the Intervention grid's rows read and the versions they made (one per
     * row that changed).
     */
    public record Result(Map<String, Integer> clustersByDataset, int datasetsMade, int datasetsChanged,
            int interventions, int interventionVersions, ImportReport report, Duration took) {}

    /**
     * @throws ImportFailedException when the file has errors (each naming the file, the line or feature and the
     *     column); nothing was written
     */
    public synchronized Result run(Path file, boolean skipInvalid) throws Exception {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        ImportReport report = new ImportReport(skipInvalid);
        if (!Files.isRegularFile(file)) {
            report.error(name, null, null, "file not found: " + file.toAbsolutePath());
            throw new ImportFailedException(report);
        }
        FileType type = FileType.detect(file);
        boolean geoPackage = type == FileType.GEOPACKAGE || type == FileType.SQLITE;
        ExportFormat format = TableRecords.formatOf(file, geoPackage);
        ClusterRecords records = new ClusterRecords(report);
        SourceFiles.read(file, geoPackage ? RegisterTables.CLUSTERS.name() : null, null, null, report, records,
                limits);
        InterventionRecords interventions = new InterventionRecords(report);
        DatasetRecords described = new DatasetRecords(report, format);
        if (!report.hasErrors()) {
            interventions.read(file, format);
            described.read(file, format);
            described.checkNamed(records.datasetIds());
        }
        List<RestoredDataset> datasets = records.datasets(name, described.byId());
        if (!report.hasErrors() && datasets.isEmpty()) {
            report.error(name, null, null, "no cluster to restore: the file holds no record");
        }
        if (report.hasErrors()) {
            throw new ImportFailedException(report);
        }
        int[] versions = {0};
        RestoreOutcome written;
        try {
            written = store.restoreClusters(datasets, report, interventions.rows().isEmpty() ? null
                    : c -> versions[0] = InterventionRestore.restore(c, interventions.rows(),
                            "import of the register from " + interventions.file()));
        } catch (RegisterException e) {
            report.error(interventions.file(), null, e.field(), e.getMessage());
            throw new ImportFailedException(report);
        }
        return new Result(written.clustersByDataset(), written.datasetsMade(), written.datasetsChanged(),
                interventions.rows().size(), versions[0], report, Duration.ofNanos(System.nanoTime() - start));
    }
}
