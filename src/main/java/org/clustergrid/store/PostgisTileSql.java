package org.clustergrid.store;

import org.clustergrid.model.Layer;

/**
 * The single statement that builds a layer's tile inside PostGIS with {@code ST_AsMVTGeom} and {@code ST_AsMVT}; its
 * columns are named as {@link VectorTiles#attributes} names them, so both stores' tiles carry the same attributes.
 * Parameters: z, x, y for the tile, then z, x, y again for the index filter.
 */
final class PostgisTileSql {
    private PostgisTileSql() {}

    static String of(Layer layer) {
        LayerTable t = LayerTable.of(layer);
        String id = "dataset_id || '.' || " + t.idColumn;
        if (layer == Layer.CLUSTERS) {
            id = "COALESCE(cluster_grid_id, " + id + ")";
        }
        StringBuilder columns = new StringBuilder(id).append(" AS id, dataset_id AS dataset");
        for (int i = 0; i < t.fields.size(); i++) {
            columns.append(", ").append(t.columns.get(i)).append(" AS \"").append(t.fields.get(i).name()).append('"');
        }
        // geom_3857 is the stored Web Mercator copy of geom (db/postgis/V4), so no feature is projected per tile
        return "WITH mvtgeom AS (SELECT " + columns + ", ST_AsMVTGeom(geom_3857,"
                + " ST_TileEnvelope(?, ?, ?), " + VectorTiles.EXTENT + ", " + VectorTiles.BUFFER + ", true) AS geom"
                + " FROM " + t.table
                // one unit more than the buffer, so the filter never drops what ST_AsMVTGeom would keep
                + " WHERE geom_3857 && ST_TileEnvelope(?, ?, ?, margin => "
                + (VectorTiles.BUFFER + 1) + ".0 / " + VectorTiles.EXTENT + "))"
                + " SELECT ST_AsMVT(mvtgeom, '" + layer.id() + "', " + VectorTiles.EXTENT + ", 'geom')"
                + " FROM mvtgeom WHERE geom IS NOT NULL";
    }
}
