package org.clustergrid.ingest.context;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.dimension.DimensionException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;

/**
 * The dimensions an import declares on attributes, checked against what the first reading found: the attribute
 * exists and holds numbers (elevation) or dates (time, as dates, date-times or ISO text). Values not given are the
 * attribute's distinct values, collected while the first reading passes by.
 */
final class LayerDimensions {
    /** Distinct values a dimension may take from its attribute; more need an interval declared. */
    static final int MAX_DERIVED = 100;

    private final List<ContextLayerImporter.DimensionRequest> requests;
    /** Raw values of the attributes whose dimension values are to be derived, by attribute. */
    private final Map<String, Set<Object>> seen = new java.util.HashMap<>();

    LayerDimensions(List<ContextLayerImporter.DimensionRequest> requests) {
        this.requests = requests == null ? List.of() : List.copyOf(requests);
        for (var r : this.requests) {
            if (r.values() == null || r.values().isBlank()) {
                seen.put(r.attribute(), new LinkedHashSet<>());
            }
        }
    }

    /** The schema reading's sink, also collecting the values to derive declarations from. */
    SourceSink watching(SourceSink schema) {
        if (seen.isEmpty()) {
            return schema;
        }
        return new SourceSink() {
            @Override
            public void accept(SourceFeature f) {
                schema.accept(f);
                if (f.geometry() == null) {
                    return;
                }
                seen.forEach((attribute, values) -> {
                    Object v = f.attributes().get(attribute);
                    // one more than the limit tells "too many" apart
                    if (v != null && values.size() <= MAX_DERIVED) {
                        values.add(v);
                    }
                });
            }

            @Override
            public boolean fields(String file, String location, List<String> names) {
                return schema.fields(file, location, names);
            }

            @Override
            public boolean typedFields(String file, String location, List<SourceField> fields) {
                return schema.typedFields(file, location, fields);
            }
        };
    }

    /** The declarations, or errors in the report naming what is wrong. */
    List<Dimension> declare(List<Attribute> attributes, ImportReport report, String file) {
        List<Dimension> out = new ArrayList<>();
        Set<Axis> declared = EnumSet.noneOf(Axis.class);
        for (var r : requests) {
            String option = "--" + r.axis().dimensionName();
            if (!declared.add(r.axis())) {
                report.error(file, null, null, "the " + r.axis().dimensionName() + " dimension is declared twice");
                continue;
            }
            Attribute a = attributes.stream().filter(x -> x.name().equals(r.attribute())).findFirst().orElse(null);
            if (a == null) {
                report.error(file, null, null, option + "-attribute: no attribute '" + r.attribute()
                        + "'; the attributes are " + String.join(", ", attributes.stream().map(Attribute::name).toList()));
                continue;
            }
            Set<AttributeType> fit = r.axis() == Axis.ELEVATION
                    ? EnumSet.of(AttributeType.INTEGER, AttributeType.DOUBLE, AttributeType.TEXT)
                    : EnumSet.of(AttributeType.DATE, AttributeType.DATETIME, AttributeType.TEXT);
            if (!fit.contains(a.type())) {
                report.error(file, null, null, option + "-attribute: '" + a.name() + "' holds "
                        + a.type().name().toLowerCase(java.util.Locale.ROOT) + " values, not "
                        + (r.axis() == Axis.ELEVATION ? "numbers" : "dates or times"));
                continue;
            }
            try {
                String values = r.values() == null || r.values().isBlank() ? derived(r, a) : r.values();
                out.add(Dimension.of(r.axis(), a.name(), values, r.defaultValue(), r.multipleValues(),
                        r.nearestValue()));
            } catch (DimensionException e) {
                report.error(file, null, null, option + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The attribute's distinct values in ascending order, as a list declaration. */
    private String derived(ContextLayerImporter.DimensionRequest r, Attribute a) {
        TreeSet<Double> values = new TreeSet<>();
        for (Object raw : seen.get(r.attribute())) {
            Double v = r.axis().valueOf(AttributeValues.convert(a.type(), raw));
            if (v != null) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw new DimensionException("'" + a.name() + "' holds no " + r.axis().dimensionName() + " value to offer");
        }
        if (values.size() > MAX_DERIVED) {
            throw new DimensionException("'" + a.name() + "' holds more than " + MAX_DERIVED + " distinct values;"
                    + " declare them as an interval, e.g. --" + r.axis().dimensionName() + " "
                    + (r.axis() == Axis.ELEVATION ? "0/500/10" : "2000-01-01T00:00:00Z/2000-12-31T00:00:00Z/P1D"));
        }
        return String.join(",", values.stream().map(r.axis()::format).toList());
    }
}
