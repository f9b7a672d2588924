package org.clustergrid.model;

import java.util.List;

/**
 * The canonical attribute fields of each layer, in order. These names are used alike by the store's columns, the
 * GeoJSON/CSV output and the identity mapping of imported files, so a layer exported by ClusterGrid imports back
 * unchanged.
 */
public final class LayerSchema {
    private LayerSchema() {}

    /** Value types a field may hold. */
    public enum Type {
        TEXT,
        INTEGER,
        BIGINT,
        DOUBLE,
        BOOLEAN,
        /** A calendar date (context layers' DATE attributes; no built-in field has one). */
        DATE,
        /** An instant, with its offset (context layers' DATETIME attributes; no built-in field has one). */
        TIMESTAMP,
        /** A list, held as a JSON array in a text column; served as an array, not queryable. */
        JSON
    }

    /** One field; {@code required} fields must be present and non-empty on import. */
    public record Field(String name, Type type, boolean required) {
        static Field text(String name) {
            return new Field(name, Type.TEXT, false);
        }

        static Field required(String name) {
            return new Field(name, Type.TEXT, true);
        }

        static Field of(String name, Type type) {
            return new Field(name, type, false);
        }
    }

    /** The field holding a feature's identifier inside its dataset. */
    public static String idField(Layer layer) {
        return layer == Layer.CLUSTERS ? "source_id" : "id";
    }

    /**
     * The scalar properties a query may select features by (the queryables besides the geometry): the id field, the
     * canonical fields but lists, and {@code dataset}, the dataset a feature was imported in.
     */
    public static List<String> queryables(Layer layer) {
        List<String> names = new java.util.ArrayList<>();
        names.add(idField(layer));
        fields(layer).stream().filter(f -> f.type() != Type.JSON).forEach(f -> names.add(f.name()));
        names.add("dataset");
        return List.copyOf(names);
    }

    /** The attribute fields of a layer, not counting the id field. */
    public static List<Field> fields(Layer layer) {
        return switch (layer) {
            case CLUSTERS -> List.of(
                    Field.text("cluster_grid_id"),
                    Field.text("name"),
                    Field.text("sector"),
                    Field.text("products"),
                    Field.text("typology"),
                    Field.text("setting"),
                    Field.of("firms", Type.INTEGER),
                    Field.of("employment", Type.INTEGER),
                    Field.text("markets_served"),
                    Field.text("source"),
                    // the Identification grid (model.Identification), docs/identification-grid.md
                    Field.text("status"),
                    Field.of("emergence_year", Type.INTEGER),
                    Field.of("product_markets", Type.JSON),
                    Field.of("informal_share", Type.DOUBLE),
                    Field.of("associations", Type.JSON),
                    Field.of("support_institutions", Type.JSON),
                    Field.text("contact_organisation"),
                    Field.text("contact_email"),
                    Field.text("contact_url"));
            case ROADS -> List.of(
                    Field.required("class"),
                    Field.text("surface"),
                    Field.text("paving"),
                    Field.of("all_season", Type.BOOLEAN),
                    Field.of("motorable", Type.BOOLEAN),
                    Field.text("name"),
                    Field.text("ref"));
            case POWER -> List.of(
                    Field.required("kind"),
                    Field.text("name"),
                    Field.text("voltages"),
                    Field.of("max_voltage", Type.INTEGER),
                    Field.of("capacity_mw", Type.DOUBLE),
                    Field.of("supply_hours", Type.DOUBLE));
            case FINANCE -> List.of(Field.required("type"), Field.text("name"), Field.text("operator"));
            case MARKETS -> List.of(Field.required("kind"), Field.text("name"), Field.of("population", Type.BIGINT));
        };
    }
}
