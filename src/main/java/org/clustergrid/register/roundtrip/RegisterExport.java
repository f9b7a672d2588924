package org.clustergrid.register.roundtrip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreException;

/**
 * Exports the register — every current cluster (retired ones are not current) with all its fields and footprint,
 * the Intervention grid's stored rows and the metadata of the clusters' datasets — to a file the importer restores
 * it from ({@code import register FILE}). The file is written whole or not at all:
 * into a temporary file beside it, moved into place once complete. The history is not exported.
 */
public final class RegisterExport {
    private final SpatialStore store;

    public RegisterExport(SpatialStore store) {
        this.store = store;
    }

    /**
     * Writes the register, or one dataset of it, to {@code file} (and, for CSV and GeoJSON, a file beside it for each
     * further table; see {@link RegisterTables}).
     *
     * @param datasetId null for every dataset
     * @return the records written per table
     * @throws IllegalArgumentException when there is no such dataset
     */
    public Map<String, Integer> write(ExportFormat format, String datasetId, Path file) throws IOException {
        if (datasetId != null && store.dataset(datasetId).isEmpty()) {
            throw new IllegalArgumentException("no dataset '" + datasetId + "'");
        }
        Map<RegisterTable, List<Row>> tables = read(datasetId);
        Path dir = file.toAbsolutePath().getParent();
        List<Path> parts = new ArrayList<>();
        try {
            if (format == ExportFormat.GPKG) {
                Path part = part(dir, file);
                parts.add(part);
                Files.delete(part); // SQLite makes its own file
                GeoPackageWriter.write(tables, part);
            } else {
                for (RegisterTable t : tables.keySet()) {
                    Path part = part(dir, file);
                    parts.add(part);
                    if (format == ExportFormat.CSV) {
                        CsvTableWriter.write(t, tables.get(t), part);
                    } else {
                        GeoJsonTableWriter.write(t, tables.get(t), part);
                    }
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                Files.move(parts.get(i), RegisterTables.fileOf(file, i), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (SQLException e) {
            throw new IOException("could not write the GeoPackage " + file + ": " + e.getMessage(), e);
        } finally {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((t, rows) -> counts.put(t.name(), rows.size()));
        return counts;
    }

    /** The tables an export holds, by name: {@code clusters}, {@code interventions}, {@code datasets}. */
    public static List<String> tables() {
        return RegisterTables.EXPORTED.stream().map(RegisterTable::name).toList();
    }

    /**
     * Where a CSV or GeoJSON export to {@code file} put the table of that name ({@link #tables()}): the clusters in
     * {@code file}, the others beside it ({@code register.csv} → {@code register-interventions.csv},
     * {@code register-datasets.csv}).
     */
    public static Path fileOf(Path file, String table) {
        int i = tables().indexOf(table);
        if (i < 0) {
            throw new IllegalArgumentException("no table '" + table + "' in a register export; the tables are "
                    + String.join(", ", tables()));
        }
        return RegisterTables.fileOf(file, i);
    }

    private static Path part(Path dir, Path file) throws IOException {
        return Files.createTempFile(dir, "." + file.getFileName(), ".part");
    }

    /** Every table's rows, read on one connection. */
    private Map<RegisterTable, List<Row>> read(String datasetId) {
        try (Connection c = store.dataSource().getConnection()) {
            Map<RegisterTable, List<Row>> out = new LinkedHashMap<>();
            for (RegisterTable t : RegisterTables.EXPORTED) {
                out.put(t, t.rows(store, c, datasetId));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the register to export it", e);
        }
    }
}
