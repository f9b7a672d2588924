package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Field;
import org.clustergrid.model.LayerSchema.Type;

/** A layer's table: its name and the column behind each canonical field. */
final class LayerTable implements FilterTarget {
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

    /**
     * The column and type behind a property a query may filter on: a canonical field (not a list), the id field, or
     * {@code dataset}; empty for anything else.
     */
    @Override
    public Optional<FilterColumn> filterColumn(String property) {
        if (property.equals("dataset")) {
            return Optional.of(new FilterColumn(property, "dataset_id", Type.TEXT));
        }
        if (property.equals(idColumn)) {
            return Optional.of(new FilterColumn(property, idColumn, Type.TEXT));
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(property) && fields.get(i).type() != Type.JSON) {
                return Optional.of(new FilterColumn(property, columns.get(i), fields.get(i).type()));
            }
        }
        return Optional.empty();
    }

    /** A filterable property: its name, its column and the type its text value is converted to. */
    record FilterColumn(String property, String column, Type type) {}

    @Override
    public String tableName() {
        return table;
    }

    @Override
    public List<String> queryableNames() {
        return org.clustergrid.model.LayerSchema.queryables(layer);
    }

    String selectColumns() {
        return "dataset_id, " + idColumn + ", " + String.join(", ", columns) + ", attributes, ST_AsBinary(geom) AS wkb";
    }
}
