package org.clustergrid.ingest.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.GeometryKind;
import org.locationtech.jts.geom.Envelope;

/**
 * The first reading of a file: its attributes in the order they appear, each with the type the file declares or the
 * one its values fit, the kind of its geometries, its extent and its feature count. Nothing is stored.
 */
final class SchemaPass implements SourceSink {
    private final ImportReport report;
    private final int maxAttributes;
    private final Map<String, AttributeType> declared = new LinkedHashMap<>();
    private final Map<String, TypeGuess> guessed = new LinkedHashMap<>();
    private final Envelope extent = new Envelope();
    private GeometryKind kind;
    private long count;
    private boolean tooMany;

    SchemaPass(ImportReport report, ImportLimits limits) {
        this.report = report;
        this.maxAttributes = limits.attributes();
    }

    @Override
    public boolean typedFields(String file, String location, List<SourceField> fields) {
        if (fields.size() > maxAttributes) {
            report.error(file, location, null, "has " + fields.size() + " fields, more than the limit of "
                    + maxAttributes + " (" + ImportLimits.setting("attributes") + ")");
            return false;
        }
        // readers that declare fields as they meet them (OSM tags) are held to the limit over all their calls
        long fresh = fields.stream().map(SourceField::name).distinct()
                .filter(n -> !declared.containsKey(n) && !guessed.containsKey(n)).count();
        if (declared.size() + guessed.size() + fresh > maxAttributes) {
            tooMany = true;
            report.error(file, location, null, "more than " + maxAttributes + " distinct attributes ("
                    + ImportLimits.setting("attributes") + ")");
            return false;
        }
        for (SourceField f : fields) {
            AttributeType t = declaredType(f.type());
            if (t != null) {
                declared.putIfAbsent(f.name(), t);
            } else {
                guessed.computeIfAbsent(f.name(), k -> new TypeGuess());
            }
        }
        return true;
    }

    @Override
    public boolean fields(String file, String location, List<String> names) {
        return typedFields(file, location, names.stream().map(n -> new SourceField(n, SourceField.Type.UNKNOWN))
                .toList());
    }

    @Override
    public void accept(SourceFeature f) {
        if (tooMany || f.geometry() == null) {
            return;
        }
        count++;
        kind = kind == null ? GeometryKind.of(f.geometry()) : kind.and(GeometryKind.of(f.geometry()));
        extent.expandToInclude(f.geometry().getEnvelopeInternal());
        for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
            if (declared.containsKey(e.getKey())) {
                continue;
            }
            TypeGuess g = guessed.get(e.getKey());
            if (g == null) {
                if (declared.size() + guessed.size() >= maxAttributes) {
                    tooMany = true;
                    report.error(f.file(), f.location(), null, "more than " + maxAttributes
                            + " distinct attributes (" + ImportLimits.setting("attributes") + ")");
                    return;
                }
                g = new TypeGuess();
                guessed.put(e.getKey(), g);
            }
            g.see(e.getValue());
        }
    }

    private static AttributeType declaredType(SourceField.Type t) {
        return switch (t) {
            case TEXT -> AttributeType.TEXT;
            case INTEGER -> AttributeType.INTEGER;
            case DOUBLE -> AttributeType.DOUBLE;
            case BOOLEAN -> AttributeType.BOOLEAN;
            case DATE -> AttributeType.DATE;
            case DATETIME -> AttributeType.DATETIME;
            case UNKNOWN -> null;
        };
    }

    /** Declared fields first, in their order, then the others as first seen. */
    List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        declared.forEach((name, type) -> out.add(new Attribute(name, type)));
        guessed.forEach((name, g) -> out.add(new Attribute(name, g.type())));
        return out;
    }

    GeometryKind kind() {
        return kind == null ? GeometryKind.MIXED : kind;
    }

    Envelope extent() {
        return count == 0 ? null : extent;
    }

    long count() {
        return count;
    }
}
