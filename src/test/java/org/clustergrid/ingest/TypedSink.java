package org.clustergrid.ingest;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reader hands on, the way a sink that keeps every attribute with its type sees it. */
public final class TypedSink implements SourceSink {
    public final List<SourceField> fields = new ArrayList<>();
    public final List<SourceFeature> features = new ArrayList<>();
    public String fieldsLocation;
    public int declarations;

    @Override
    public boolean typedFields(String file, String location, List<SourceField> declared) {
        declarations++;
        fieldsLocation = location;
        fields.addAll(declared);
        return true;
    }

    @Override
    public void accept(SourceFeature feature) {
        features.add(feature);
    }

    /** The feature read at this location, e.g. {@code table roads, feature 1 (fid 1)}. */
    public SourceFeature at(String location) {
        return features.stream().filter(f -> f.location().equals(location)).findFirst()
                .orElseThrow(() -> new AssertionError("no feature at " + location));
    }

    /** Each field as {@code name TYPE}. */
    public List<String> fieldList() {
        return fields.stream().map(f -> f.name() + " " + f.type()).toList();
    }
}
