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
    private String seenIn;
    private boolean declared;

    MappedRecords(Mapping mapping, ImportReport report, FeatureWriter writer) {
        this.mapping = mapping;
        this.mapper = new FeatureMapper(mapping, report);
        this.report = report;
        this.writer = writer;
    }

    @Override
    public boolean fields(String file, String location, List<String> names) {
        declared = true;
        return MappedFields.check(mapping, names, false, file, location, report);
    }

    @Override
    public void accept(SourceFeature s) {
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

    /** Checks the fields of a file that did not declare them, once all its records were read. */
    void finish() {
        if (!declared && seenIn != null) {
            MappedFields.check(mapping, seenFields, true, seenIn, null, report);
        }
    }
}
