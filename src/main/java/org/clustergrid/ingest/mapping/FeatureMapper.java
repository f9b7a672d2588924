package org.clustergrid.ingest.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerProperties.FieldException;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Field;
import org.clustergrid.model.LayerSchema.Type;

/** Applies a {@link Mapping} to source features. */
public final class FeatureMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Mapping mapping;
    private final ImportReport report;

    public FeatureMapper(Mapping mapping, ImportReport report) {
        this.mapping = mapping;
        this.report = report;
    }

    /**
     * The layer feature for a source record, or null when no rule matches (counted as skipped) or a value is bad
     * (reported, naming the record and the source field).
     */
    public LayerFeature map(SourceFeature s) {
        Mapping.Rule rule = firstMatch(s.attributes());
        if (rule == null) {
            report.skipped();
            return null;
        }
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, Object> props = new LinkedHashMap<>();
        Layer layer = rule.layer();
        for (Field f : LayerSchema.fields(layer)) {
            String column = rule.fields().getOrDefault(f.name(), f.name());
            sourceOf.put(f.name(), column);
            if (rule.set().containsKey(f.name())) {
                props.put(f.name(), rule.set().get(f.name()));
            } else {
                props.put(f.name(), s.attributes().get(column));
            }
            if (f.type() == Type.JSON && !parseList(props, f.name())) {
                report.recordError(s.file(), s.location(), column, "'" + excerpt(props.get(f.name()))
                        + "' is not a JSON array (or a ;-separated list)");
                return null;
            }
        }
        String idColumn = rule.id() != null ? rule.id() : rule.fields().getOrDefault(LayerSchema.idField(layer), LayerSchema.idField(layer));
        Object idValue = s.attributes().get(idColumn);
        String id = idValue == null || idValue.toString().isBlank() ? null : idValue.toString().trim();
        if (id == null) {
            if (layer == Layer.CLUSTERS || rule.id() != null) {
                report.recordError(s.file(), s.location(), idColumn, "missing identifier");
                return null;
            }
            id = s.location().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""); // e.g. record-12
        }
        try {
            return LayerProperties.toFeature(layer, id, s.geometry(), props, s.attributes());
        } catch (FieldException e) {
            String column = sourceOf.getOrDefault(e.field(), e.field());
            report.recordError(s.file(), s.location(), column, e.getMessage());
            return null;
        }
    }

    /**
     * Replaces a list field's JSON text (a GeoJSON array arrives so, a CSV cell may hold one) by the list; other text
     * is left for the model to read as a {@code ;}-separated list. False when the text is not a JSON array.
     */
    public static boolean parseList(Map<String, Object> props, String field) {
        Object v = props.get(field);
        if (!(v instanceof String s) || !s.strip().startsWith("[")) {
            return true;
        }
        try {
            props.put(field, JSON.readValue(s, List.class));
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String excerpt(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private Mapping.Rule firstMatch(Map<String, Object> attributes) {
        for (Mapping.Rule r : mapping.rules()) {
            if (r.when() == null || r.when().test(attributes)) {
                return r;
            }
        }
        return null;
    }
}
