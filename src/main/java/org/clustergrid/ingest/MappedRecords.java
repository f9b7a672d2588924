package org.clustergrid.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clustergrid.ingest.mapping.FeatureMapper;
import org.clustergrid.ingest.mapping.MappedFields;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.store.FeatureWriter;

/**
 * The records of one file on their way to the store: checked to have the source fields the mapping names, mapped
 * to layer features and written. Files that declare their fields are checked before any record is read; GeoJSON,
 * whose features each bring their own properties, against all properties seen once the file is read.
 */
final class MappedRecords implements SourceSink {
    private final Mapping mapping;
    private final FeatureMapper mapper;
    private final ImportReport report;
    private final FeatureWriter writer;
    private final Set<String> seenFields = new LinkedHashSet<>();
    private final int maxAttributes;
    private String seenIn;
    private boolean declared;
    private boolean tooMany;

    MappedRecords(Mapping mapping, ImportReport report, FeatureWriter writer, ImportLimits limits) {
        this.mapping = mapping;
        this.maxAttributes = limits.attributes();
        this.mapper = new FeatureMapper(mapping, report);
        this.report = report;
        this.writer = writer;
    }

    @Override
    public boolean fields(String file, String location, List<String> names) {
        declared = true;
        if (names.size() > maxAttributes) {
            report.error(file, location, null, tooMany(names.size() + " fields"));
            return false;
        }
        return MappedFields.check(mapping, names, false, file, location, report);
    }

    @Override
    public void accept(SourceFeature s) {
        if (tooMany) {
            return;
        }
        if (s.attributes().size() > maxAttributes || !declared && seenFields.size() > maxAttributes) {
            // one error for the file: a reader may bring many such records, and their names fill memory
            tooMany = true;
            report.error(s.file(), s.location(), null, tooMany(s.attributes().size() > maxAttributes
                    ? s.attributes().size() + " attributes" : "more than " + maxAttributes + " distinct attributes"));
            return;
        }
        if (!declared) {
            seenIn = s.file();
            seenFields.addAll(s.attributes().keySet());
        }
        LayerFeature f = mapper.map(s);
        if (f != null) {
            report.accepted(f.layer());
            writer.write(f, s.file(), s.location());
        }
    }

    private String tooMany(String what) {
        return "has " + what + ", more than the limit of " + maxAttributes + " ("
                + ImportLimits.setting("attributes") + ")";
    }

    /** Checks the fields of a file that did not declare them, once all its records were read. */
    void finish() {
        if (!declared && seenIn != null && !tooMany) {
            MappedFields.check(mapping, seenFields, true, seenIn, null, report);
        }
    }
}
