package org.clustergrid.ingest.context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.mapping.Condition;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;

/**
 * What a mapping file may say about a layer of one's own: which attributes to keep and under which names, and which
 * features (a {@code when} as the layer mappings have), besides a CSV's geometry columns and CRS:
 *
 * <pre>
 * attributes:            # optional: only these, in this order, each new name: field in the file
 *   district: DIST_EN
 *   code: DCODE
 * when: {field: COUNTRY, matches: "^Nepal$"}   # optional: only the features it holds for
 * geometry: {wkt: geom}  # CSV only
 * crs: EPSG:32645        # for files that do not say
 * </pre>
 *
 * Without {@code attributes} every field is kept under its own name. A field the mapping names that the file does not
 * have is an error naming it.
 */
public record LayerMapping(String crs, GeometryColumns geometry, Map<String, String> attributes, Condition when,
        String name) {

    public LayerMapping {
        attributes = attributes == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Reads a mapping file; an unreadable or inconsistent one fails with a message naming the file. */
    public static LayerMapping read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String name = file.getFileName().toString();
        try {
            File raw = yaml.readValue(file.toFile(), File.class);
            GeometryColumns g = raw.geometry() == null ? null : new GeometryColumns(raw.geometry().get("lat"),
                    raw.geometry().get("lon"), raw.geometry().get("wkt"));
            if (g != null && g.wkt() == null && (g.lat() == null || g.lon() == null)) {
                throw new IllegalArgumentException("'geometry' needs both 'lat' and 'lon', or 'wkt'");
            }
            if (raw.attributes() != null && raw.attributes().isEmpty()) {
                throw new IllegalArgumentException("'attributes' is empty; leave it out to keep every field");
            }
            Condition when = raw.when() == null ? null : Condition.parse(raw.when(), "'when'");
            return new LayerMapping(raw.crs(), g, raw.attributes(), when, name);
        } catch (JsonMappingException e) {
            throw new Mapping.InvalidMappingException(name + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                    + " (a layer of one's own takes attributes, when, geometry and crs)");
        } catch (IllegalArgumentException e) {
            throw new Mapping.InvalidMappingException(name + ": " + e.getMessage());
        }
    }

    /** The YAML shape. */
    record File(String crs, Map<String, String> geometry, LinkedHashMap<String, String> attributes, Object when) {}

    /** The fields the mapping names in the file. */
    private Set<String> named() {
        Set<String> out = new LinkedHashSet<>();
        if (attributes != null) {
            out.addAll(attributes.values());
        }
        if (when != null) {
            when.addFields(out);
        }
        return out;
    }

    /**
     * A sink that passes on what {@code next} should see: the features {@code when} holds for, with the attributes
     * kept and renamed. Call {@link Watch#finish} after the files are read to report fields never seen.
     */
    public Watch watching(SourceSink next, ImportReport report) {
        return new Watch(next, report);
    }

    /** See {@link #watching}. */
    public final class Watch implements SourceSink {
        private final SourceSink next;
        private final ImportReport report;
        private final Set<String> seen = new LinkedHashSet<>();
        private String lastFile;
        private long skipped;

        private Watch(SourceSink next, ImportReport report) {
            this.next = next;
            this.report = report;
        }

        @Override
        public boolean fields(String file, String location, List<String> names) {
            return typedFields(file, location, names.stream().map(n -> new SourceField(n, SourceField.Type.TEXT))
                    .toList(), false);
        }

        @Override
        public boolean typedFields(String file, String location, List<SourceField> fields) {
            return typedFields(file, location, fields, true);
        }

        private boolean typedFields(String file, String location, List<SourceField> fields, boolean typed) {
            List<String> missing = new ArrayList<>();
            for (String n : named()) {
                if (fields.stream().noneMatch(f -> f.name().equals(n))) {
                    missing.add(n);
                }
            }
            if (!missing.isEmpty()) {
                report.error(file, location, String.join(", ", missing), "the mapping " + name + " names "
                        + String.join(", ", missing) + ", which " + file + " does not have; its fields are "
                        + String.join(", ", fields.stream().map(SourceField::name).toList()));
                return false;
            }
            fields.forEach(f -> seen.add(f.name()));
            List<SourceField> out = fields;
            if (attributes != null) {
                out = new ArrayList<>();
                for (Map.Entry<String, String> e : attributes.entrySet()) {
                    SourceField.Type type = fields.stream().filter(f -> f.name().equals(e.getValue())).findFirst()
                            .orElseThrow().type();
                    out.add(new SourceField(e.getKey(), type));
                }
            }
            return typed ? next.typedFields(file, location, out)
                    : next.fields(file, location, out.stream().map(SourceField::name).toList());
        }

        @Override
        public void accept(SourceFeature f) {
            lastFile = f.file();
            seen.addAll(f.attributes().keySet());
            if (when != null && !when.test(f.attributes())) {
                skipped++;
                return;
            }
            if (attributes == null) {
                next.accept(f);
                return;
            }
            Map<String, Object> kept = new LinkedHashMap<>();
            attributes.forEach((to, from) -> kept.put(to, f.attributes().get(from)));
            next.accept(new SourceFeature(f.file(), f.location(), f.geometry(), kept));
        }

        /** Errors for fields the mapping names that no feature had (files whose records bring their own fields). */
        public void finish() {
            List<String> missing = named().stream().filter(n -> !seen.contains(n)).toList();
            if (!missing.isEmpty() && lastFile != null) {
                report.error(lastFile, null, String.join(", ", missing), "the mapping " + name + " names "
                        + String.join(", ", missing) + ", which no feature of " + lastFile + " has");
            }
        }

        /** Features the mapping's {@code when} left out. */
        public long skipped() {
            return skipped;
        }
    }
}
