package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Field;

/** A layer's table: its name and the column behind each canonical field. */
final class LayerTable {
    final Layer layer;
    final String table;
    final String idColumn;
    final List<Field> fields;
    final List<String> columns;

    private LayerTable(Layer layer) {
        this.layer = layer;
        this.table = layer.id();
        this.idColumn = LayerSchema.idField(layer);
        this.fields = LayerSchema.fields(layer);
        this.columns = new ArrayList<>();
        for (Field f : fields) {
            columns.add(columnOf(f.name()));
        }
    }

    static LayerTable of(Layer layer) {
        return new LayerTable(layer);
    }

    /** {@code class} is a keyword in too many SQL dialects to be a column name. */
    private static String columnOf(String field) {
        return field.equals("class") ? "road_class" : field;
    }

    String insertSql(Dialect dialect) {
        StringBuilder cols = new StringBuilder("dataset_id, ").append(idColumn);
        StringBuilder vals = new StringBuilder("?, ?");
        for (String c : columns) {
            cols.append(", ").append(c);
            vals.append(", ?");
        }
        cols.append(", attributes, geom");
        vals.append(", ?, ").append(dialect.geometryParameter());
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + vals + ")";
    }

    String selectColumns() {
        return "dataset_id, " + idColumn + ", " + String.join(", ", columns) + ", attributes, ST_AsBinary(geom) AS wkb";
    }
}
