package org.clustergrid.register.roundtrip;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties.FieldException;
import org.clustergrid.store.DatasetInfo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The exported datasets read back ({@link DatasetsTable}): the table {@code datasets} of a GeoPackage, or the file
 * beside a CSV or GeoJSON export ({@code register-datasets.csv}). A file without it (exported before the datasets
 * were) describes none. Each bad value is reported naming the file, the line or feature and the column.
 */
final class DatasetRecords {
    /** A dataset as the file describes it, and where. */
    record Described(DatasetInfo info, Coverage coverage, String file, String location) {}

    private final ImportReport report;
    private final String geometryColumn;
    private final Map<String, Described> byId = new LinkedHashMap<>();

    DatasetRecords(ImportReport report, ExportFormat format) {
        this.report = report;
        this.geometryColumn = TableRecords.geometryColumn(format);
    }

    void read(Path export, ExportFormat format) throws IOException {
        TableRecords.read(export, format, RegisterTables.DATASETS, report, this::add);
    }

    /** The datasets described, by id; none for a file without the table. */
    Map<String, Described> byId() {
        return byId;
    }

    /** Refuses a described dataset no cluster record names: restoring it would make an empty dataset. */
    void checkNamed(Set<String> clusterDatasets) {
        byId.values().stream().filter(d -> !clusterDatasets.contains(d.info().id())).forEach(d -> report.recordError(
                d.file(), d.location(), DatasetsTable.DATASET, "'" + d.info().id() + "' is the id of no dataset of"
                        + " the clusters: each dataset described goes with its clusters"));
    }

    private void add(String file, String location, Map<String, Object> values, Geometry area) {
        Described d;
        try {
            d = describe(values, area, file, location);
        } catch (FieldException e) {
            report.recordError(file, location, e.field(), e.getMessage());
            return;
        }
        if (byId.putIfAbsent(d.info().id(), d) != null) {
            report.recordError(file, location, DatasetsTable.DATASET, "'" + d.info().id()
                    + "' is described by an earlier record too");
        }
    }

    private Described describe(Map<String, Object> values, Geometry area, String file, String location) {
        List<String> columns = RegisterTables.DATASETS.columns().stream().map(Column::name).toList();
        for (String name : values.keySet()) {
            if (!columns.contains(name)) {
                throw new FieldException(name, "not a column of the exported datasets; the columns are "
                        + String.join(", ", columns) + " and the area in " + geometryColumn);
            }
        }
        String id = text(values, DatasetsTable.DATASET);
        if (id == null) {
            throw new FieldException(DatasetsTable.DATASET, "is empty: each record names its dataset");
        }
        String importedAt = text(values, DatasetsTable.IMPORTED_AT);
        if (importedAt != null) {
            try {
                Instant.parse(importedAt); // when the exporting store took it in; the restore is this store's import
            } catch (DateTimeParseException e) {
                throw new FieldException(DatasetsTable.IMPORTED_AT, "'" + importedAt + "' is not an ISO-8601 UTC"
                        + " time such as 2026-01-31T09:30:00Z");
            }
        }
        DatasetInfo info;
        try {
            info = new DatasetInfo(id, text(values, DatasetsTable.TITLE), text(values, DatasetsTable.SOURCE),
                    text(values, DatasetsTable.LICENCE), text(values, DatasetsTable.ATTRIBUTION), synthetic(values));
        } catch (IllegalArgumentException e) {
            throw new FieldException(DatasetsTable.DATASET, e.getMessage());
        }
        return new Described(info, coverage(values, area), file, location);
    }

    private static boolean synthetic(Map<String, Object> values) {
        Object v = values.get(DatasetsTable.SYNTHETIC);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new FieldException(DatasetsTable.SYNTHETIC, (s.isEmpty() ? "is empty" : "'" + v
                    + "' is not true or false") + ": say whether the data are generated");
        };
    }

    /** The recorded coverage, or null when the record has none: its method and area both given, or neither. */
    private Coverage coverage(Map<String, Object> values, Geometry area) {
        String method = text(values, DatasetsTable.COVERAGE_METHOD);
        String layers = text(values, DatasetsTable.COVERAGE_LAYERS);
        String description = text(values, DatasetsTable.COVERAGE_DESCRIPTION);
        if (method == null) {
            if (area != null || layers != null || description != null) {
                throw new FieldException(DatasetsTable.COVERAGE_METHOD, "is empty, but the record has a coverage;"
                        + " say how it was found: " + methods());
            }
            return null;
        }
        Coverage.Method m = Arrays.stream(Coverage.Method.values()).filter(x -> x.id().equalsIgnoreCase(method))
                .findFirst().orElseThrow(() -> new FieldException(DatasetsTable.COVERAGE_METHOD, "'" + method
                        + "' is not one of " + methods()));
        if (area == null || area.isEmpty()) {
            throw new FieldException(geometryColumn, "is empty, but the record has a coverage (coverage_method '"
                    + method + "'): give its area");
        }
        if (!(area instanceof Polygonal)) {
            throw new FieldException(geometryColumn, "is a " + area.getGeometryType() + "; a coverage's area is a"
                    + " polygon or multipolygon");
        }
        return new Coverage(area, layers(layers), m, description);
    }

    private static Set<Layer> layers(String json) {
        Set<Layer> out = EnumSet.noneOf(Layer.class);
        if (json == null) {
            return out;
        }
        List<?> list;
        try {
            list = TableFile.JSON.readValue(json, List.class);
        } catch (JsonProcessingException e) {
            throw new FieldException(DatasetsTable.COVERAGE_LAYERS, "is not a JSON array of layer names, such as"
                    + " [\"clusters\",\"roads\"]");
        }
        for (Object name : list) {
            out.add(Layer.byId(String.valueOf(name)).orElseThrow(() -> new FieldException(
                    DatasetsTable.COVERAGE_LAYERS, "'" + name + "' is not a layer; the layers are " + Arrays.stream(
                            Layer.values()).map(Layer::id).collect(Collectors.joining(", ")))));
        }
        return out;
    }

    private static String methods() {
        return Arrays.stream(Coverage.Method.values()).map(Coverage.Method::id).collect(Collectors.joining(", "));
    }

    /** A value as given, null when empty (CSV has no other way to say unknown). */
    private static String text(Map<String, Object> values, String column) {
        Object v = values.get(column);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
