package org.clustergrid.ingest.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;

/**
 * How records of a source file map onto ClusterGrid layers: an ordered list of rules, the first whose condition
 * matches a record deciding its layer and fields; records no rule matches are skipped and counted. Read from YAML:
 *
 * <pre>
 * crs: EPSG:4326              # optional, for files that do not say (CSV)
 * geometry: {lat: lat, lon: lon}   # CSV only: lat/lon columns, or {wkt: column}; found by name when absent
 * rules:
 *   - layer: finance
 *     when: {field: FAC_DESC, matches: "(?i)\\bbank\\b"}   # optional; a Java regular expression, found anywhere
 *     id: FACILITY_I                                        # optional source field holding the feature id
 *     fields: {name: FAC_DESC}                              # canonical field: source field
 *     set: {type: bank}                                     # canonical field: fixed value
 * </pre>
 *
 * Canonical fields not named in {@code fields} or {@code set} are taken from a source field of the same name.
 *
 * <p>A {@code when} may test several fields by combining conditions with {@code all} (every one holds), {@code any}
 * (at least one holds) and {@code not} (the condition does not hold), nested as needed. An empty field matches no
 * regular expression, so {@code not} of a test on it holds. For example, co-operative societies except dairies:
 *
 * <pre>
 *     when:
 *       all:
 *         - {field: FAC_DESC, matches: "(?i)co-?op\\w* society"}
 *         - not: {field: FAC_DESC, matches: "(?i)\\b(milk|dairy)\\b"}
 *         - any:
 *             - {field: STATE, matches: "^Kerala$"}
 *             - {field: DISTRICT, matches: "(?i)^idukki$"}
 * </pre>
 *
 * <p>Every source field a rule names (in {@code fields}, {@code id} or {@code when}) must exist in the file: a
 * misspelt name would otherwise match nothing without a word.
 */
public record Mapping(String crs, GeometryColumns geometry, List<Rule> rules, String name) {

    /** @param name the mapping file's name, for messages; null for a mapping that no file gave */
    public Mapping {
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a mapping needs at least one rule");
        }
    }

    /** Everything into one layer, fields by their canonical names. */
    public static Mapping identity(Layer layer) {
        return new Mapping(null, null, List.of(new Rule(layer, null, null, Map.of(), Map.of())), null);
    }

    /** CSV geometry columns: either {@code lat} and {@code lon}, or {@code wkt}. */
    public record GeometryColumns(String lat, String lon, String wkt) {}

    /** A rule; see {@link Mapping}. */
    public record Rule(Layer layer, Condition when, String id, Map<String, String> fields, Map<String, String> set) {
        public Rule {
            if (layer == null) {
                throw new IllegalArgumentException("every rule needs a 'layer' (clusters, roads, power, finance, markets)");
            }
            fields = fields == null ? Map.of() : Map.copyOf(fields);
            set = set == null ? Map.of() : Map.copyOf(set);
        }
    }

    /** Reads a mapping file; an unreadable or inconsistent one fails with a message naming the file. */
    public static Mapping read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            MappingFile raw = yaml.readValue(file.toFile(), MappingFile.class);
            return raw.toMapping(file.getFileName().toString());
        } catch (JsonMappingException e) {
            throw new InvalidMappingException(file.getFileName() + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IllegalArgumentException e) {
            throw new InvalidMappingException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** The YAML shape, before validation. */
    record MappingFile(String crs, Map<String, String> geometry, List<RuleFile> rules) {
        Mapping toMapping(String name) {
            GeometryColumns g = geometry == null ? null
                    : new GeometryColumns(geometry.get("lat"), geometry.get("lon"), geometry.get("wkt"));
            if (g != null && g.wkt() == null && (g.lat() == null || g.lon() == null)) {
                throw new IllegalArgumentException("'geometry' needs both 'lat' and 'lon', or 'wkt'");
            }
            List<Rule> out = new ArrayList<>();
            int n = 0;
            for (RuleFile r : rules == null ? List.<RuleFile>of() : rules) {
                n++;
                out.add(r.toRule(n));
            }
            return new Mapping(crs, g, out, name);
        }
    }

    /** {@code when} stays untyped YAML until {@link Condition#parse} reads its nesting. */
    record RuleFile(String layer, Object when, String id, Map<String, String> fields, Map<String, String> set) {
        Rule toRule(int n) {
            Layer l = layer == null ? null : Layer.byId(layer).orElseThrow(() -> new IllegalArgumentException(
                    "rule " + n + ": unknown layer '" + layer + "' (clusters, roads, power, finance, markets)"));
            Condition c = when == null ? null : Condition.parse(when, "rule " + n + ": 'when'");
            try {
                return new Rule(l, c, id, fields, set);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + n + ": " + e.getMessage());
            }
        }
    }

    /** A mapping file that cannot be used. */
    public static final class InvalidMappingException extends IllegalArgumentException {
        public InvalidMappingException(String message) {
            super("invalid mapping " + message);
        }
    }
}
