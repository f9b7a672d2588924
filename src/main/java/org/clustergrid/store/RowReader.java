package org.clustergrid.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerSchema.Field;
import org.clustergrid.model.LayerSchema.Type;
import org.clustergrid.model.StoredAttributes;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** Turns a row selected with {@link LayerTable#selectColumns()} back into a feature. */
final class RowReader {
    private RowReader() {}

    static StoredFeature read(LayerTable t, ResultSet rs) throws SQLException {
        String datasetId = rs.getString(1);
        String id = rs.getString(2);
        Map<String, Object> props = new LinkedHashMap<>();
        int col = 3;
        for (Field f : t.fields) {
            Object v = rs.getObject(col++);
            props.put(f.name(), f.type() == Type.JSON && v != null ? Json.readList(v.toString()) : v);
        }
        String json = rs.getString(col++);
        Map<String, Object> attributes = json == null || json.isBlank() ? Map.of()
                : new StoredAttributes(json, RowReader::unmodifiable);
        Geometry geom = geometry(rs.getBytes(col), t, datasetId, id);
        return new StoredFeature(datasetId, LayerProperties.toFeature(t.layer, id, geom, props, attributes));
    }

    private static Map<String, Object> unmodifiable(String json) {
        return java.util.Collections.unmodifiableMap(Json.readMap(json));
    }

    private static Geometry geometry(byte[] wkb, LayerTable t, String datasetId, String id) {
        try {
            Geometry g = new WKBReader().read(wkb);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new StoreException("damaged geometry in " + t.table + " " + datasetId + "." + id, e);
        }
    }
}
