package org.clustergrid.ingest.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerSchema;

/**
 * Checks that a file has every source field a mapping names. A misspelt field would otherwise fail silently: a
 * {@code when} on it never matches and a field taken from it stays empty.
 */
public final class MappedFields {
    private MappedFields() {}

    /** A source field a rule needs, and where the rule names it (null: the clusters id it falls back on). */
    record Need(int rule, Layer layer, String field, String use) {}

    /**
     * Reports an error for each needed field the file lacks, naming the mapping file, the rule, the field and the
     * fields the file has.
     *
     * @param available the file's fields: declared ones (CSV header, DBF fields) or, when {@code seenInRecords},
     *     the union of the properties its features had (GeoJSON)
     * @return true when nothing is missing
     */
    public static boolean check(Mapping mapping, Collection<String> available, boolean seenInRecords, String file,
            String location, ImportReport report) {
        boolean complete = true;
        for (Need n : needs(mapping)) {
            if (available.contains(n.field())) {
                continue;
            }
            complete = false;
            String fieldsAre = seenInRecords ? "the properties its features have are " : "its fields are ";
            String message;
            if (mapping.name() == null) {
                message = n.layer().id() + " need an id: " + (seenInRecords ? "no feature of the file has" : "the file"
                        + " has no") + " field '" + n.field() + "' (a mapping file can name the id field with 'id:'); ";
            } else {
                message = "mapping " + mapping.name() + ", rule " + n.rule() + " (" + n.layer().id() + ") "
                        + (n.use() == null ? "takes the id from source field '" + n.field() + "' (it has no 'id:')"
                                : "names source field '" + n.field() + "' in '" + n.use() + "'")
                        + ", which " + (seenInRecords ? "no feature of the file has; " : "the file does not have; ");
            }
            report.error(file, location, n.field(), message + fieldsAre + available);
        }
        return complete;
    }

    /**
     * The source fields each rule names in {@code fields}, {@code id} and {@code when}, and the cluster id field a
     * clusters rule falls back on (clusters cannot do without an id); not the canonical-name fallbacks of other
     * fields, which may be absent.
     */
    static List<Need> needs(Mapping mapping) {
        List<Need> out = new ArrayList<>();
        for (int i = 0; i < mapping.rules().size(); i++) {
            Mapping.Rule r = mapping.rules().get(i);
            Map<String, String> uses = new LinkedHashMap<>();
            r.fields().forEach((canonical, source) -> uses.putIfAbsent(source, "fields: " + canonical));
            if (r.id() != null) {
                uses.putIfAbsent(r.id(), "id");
            } else if (r.layer() == Layer.CLUSTERS) {
                String idField = LayerSchema.idField(Layer.CLUSTERS);
                String source = r.fields().get(idField);
                if (source == null) {
                    uses.putIfAbsent(idField, null);
                }
            }
            if (r.when() != null) {
                r.when().fields().forEach(f -> uses.putIfAbsent(f, "when"));
            }
            int rule = i + 1;
            uses.forEach((field, use) -> out.add(new Need(rule, r.layer(), field, use)));
        }
        return out;
    }
}
