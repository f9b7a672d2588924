package org.clustergrid.ingest.osm;

import java.util.Map;
import java.util.function.Consumer;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.LayerFeature;

/** The built-in layers' elements: what {@link OsmTagRules} makes roads, power, finance, markets and clusters of. */
final class LayerElements implements OsmElements {
    private final OsmImportOptions options;
    private final OsmFeatureMapper mapper;

    LayerElements(OsmImportOptions options, ImportReport report, ProblemSink problems, Consumer<LayerFeature> sink) {
        this.options = options;
        this.mapper = new OsmFeatureMapper(options, report, problems, sink);
    }

    @Override
    public boolean wanted(Map<String, String> tags) {
        return OsmTagRules.isOfInterest(tags, options);
    }

    @Override
    public boolean keepRelation(Map<String, String> tags) {
        boolean lines = OsmTagRules.powerKind(tags) != null && OsmTagRules.powerKind(tags).isLinear();
        return (relationIsArea(tags) || lines) && wanted(tags);
    }

    @Override
    public boolean relationIsArea(Map<String, String> tags) {
        return "multipolygon".equals(tags.get("type"));
    }

    @Override
    public void element(char type, long id, Map<String, String> tags, ElementShape shape) {
        mapper.map(type, id, tags, shape);
    }
}
