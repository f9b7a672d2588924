package org.clustergrid.register.roundtrip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.Intervention;
import org.clustergrid.register.interventions.InterventionRestore;

/**
 * The exported Intervention grid read back ({@link InterventionsTable}): the table {@code interventions} of a
 * GeoPackage, or the file beside a CSV or GeoJSON export ({@code register-interventions.csv}). A file without it (an
 * export made before the grid was exported) restores no rows. Each bad value is reported naming the file, the line
 * or feature and the column.
 */
final class InterventionRecords {
    private final ImportReport report;
    private final List<Intervention> rows = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private String file;

    InterventionRecords(ImportReport report) {
        this.report = report;
    }

    /** The rows read, in file order. */
    List<Intervention> rows() {
        return rows;
    }

    /** The file they came from, named as the versions name it; null when there was none. */
    String file() {
        return file;
    }

    void read(Path export, ExportFormat format) throws IOException {
        file = TableRecords.read(export, format, RegisterTables.INTERVENTIONS, report,
                (in, location, values, geometry) -> add(in, location, values));
    }

    private void add(String file, String location, Map<String, Object> values) {
        Intervention i;
        try {
            i = InterventionRestore.read(values);
        } catch (RegisterException e) {
            report.recordError(file, location, e.field(), e.getMessage());
            return;
        }
        if (!ids.add(i.id())) {
            report.recordError(file, location, "id", "'" + i.id() + "' is the id of an earlier row too");
            return;
        }
        rows.add(i);
    }
}
