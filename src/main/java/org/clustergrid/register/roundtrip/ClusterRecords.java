package org.clustergrid.register.roundtrip;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties.FieldException;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.RestoredDataset;

/**
 * The records of an exported clusters table on their way back: checked to have the export's columns and no other
 * (a column the export does not have would be lost), read into clusters and grouped by their {@code dataset}.
 */
final class ClusterRecords implements SourceSink {
    /** What readers add beside the columns: a GeoJSON feature's id, a CSV's WKT column. */
    private static final Set<String> BESIDE = Set.of("id", CsvTableWriter.GEOMETRY);
    private static final List<String> REQUIRED = List.of(ClusterTable.DATASET, "source_id");

    private final ImportReport report;
    private final Set<String> columns = new HashSet<>();
    private final Map<String, List<RestoredDataset.Placed>> byDataset = new TreeMap<>();

    ClusterRecords(ImportReport report) {
        this.report = report;
        new ClusterTable().columns().forEach(c -> columns.add(c.name()));
    }

    @Override
    public boolean fields(String file, String location, List<String> names) {
        boolean ok = true;
        for (String name : names) {
            ok &= known(file, location, name);
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                report.error(file, location, required, "missing column: a register export has " + String.join(", ",
                        new ClusterTable().columns().stream().map(Column::name).toList()));
                ok = false;
            }
        }
        return ok;
    }

    private boolean known(String file, String location, String name) {
        if (columns.contains(name) || BESIDE.contains(name)) {
            return true;
        }
        report.error(file, location, name, "not a column of a register export; restoring it would lose it"
                + " (import the file as clusters with a mapping instead)");
        return false;
    }

    @Override
    public void accept(SourceFeature s) {
        for (String name : s.attributes().keySet()) {
            if (!known(s.file(), s.location(), name)) {
                return;
            }
        }
        if (s.geometry() == null) {
            return; // the reader reported why
        }
        ClusterTable.Restored r;
        try {
            r = ClusterTable.read(s);
        } catch (FieldException e) {
            report.recordError(s.file(), s.location(), e.field(), e.getMessage());
            return;
        }
        report.accepted(Layer.CLUSTERS);
        byDataset.computeIfAbsent(r.datasetId(), d -> new ArrayList<>())
                .add(new RestoredDataset.Placed(r.cluster(), s.file(), s.location()));
    }

    /** The datasets the records name. */
    Set<String> datasetIds() {
        return byDataset.keySet();
    }

    /**
     * The datasets read, by id, with their metadata where the file describes them ({@code described}); one it does
     * not describe is made, when the store lacks it, with its id as title, its source naming the file.
     */
    List<RestoredDataset> datasets(String file, Map<String, DatasetRecords.Described> described) {
        List<RestoredDataset> out = new ArrayList<>();
        byDataset.forEach((id, clusters) -> {
            DatasetRecords.Described d = described.get(id);
            out.add(d != null ? new RestoredDataset(d.info(), true, d.coverage(), clusters)
                    : new RestoredDataset(new DatasetInfo(id, id, "register export " + file, null, null, false), false,
                            null, clusters));
        });
        return out;
    }
}
