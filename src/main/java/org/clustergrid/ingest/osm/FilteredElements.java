package org.clustergrid.ingest.osm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceSink;
import org.locationtech.jts.geom.Geometry;

/**
 * The elements a tag filter matches, as features of a layer of one's own: a node a point, a way a line or (closed
 * and tagged as an area, {@link AreaTags}) a polygon, a multipolygon or boundary relation a (multi)polygon. Each has
 * {@code osm_id}, {@code osm_type} and all its tags, declared as text when first seen so that {@code admin_level=5}
 * stays the text it is in OSM.
 */
final class FilteredElements implements OsmElements {
    static final String ID = "osm_id";
    static final String TYPE = "osm_type";

    private final OsmFilter filter;
    private final String file;
    private final ProblemSink problems;
    private final SourceSink sink;
    private final Map<String, Boolean> declared = new java.util.HashMap<>();
    private final Map<String, Integer> otherRelations = new TreeMap<>();
    private boolean stopped;

    FilteredElements(OsmFilter filter, String file, ProblemSink problems, SourceSink sink) {
        this.filter = filter;
        this.file = file;
        this.problems = problems;
        this.sink = sink;
        stopped = !declare(List.of(new SourceField(ID, SourceField.Type.INTEGER),
                new SourceField(TYPE, SourceField.Type.TEXT)));
    }

    @Override
    public boolean wanted(Map<String, String> tags) {
        return filter.matches(tags);
    }

    @Override
    public boolean keepRelation(Map<String, String> tags) {
        if (!filter.matches(tags)) {
            return false;
        }
        if (relationIsArea(tags)) {
            return true;
        }
        otherRelations.merge(String.valueOf(tags.get("type")), 1, Integer::sum);
        return false;
    }

    @Override
    public boolean relationIsArea(Map<String, String> tags) {
        String type = tags.get("type");
        return "multipolygon".equals(type) || "boundary".equals(type);
    }

    @Override
    public void element(char type, long id, Map<String, String> tags, ElementShape shape) {
        if (stopped) {
            return;
        }
        Geometry g = switch (type) {
            case 'n' -> shape.point();
            case 'w' -> shape.closedWay() && AreaTags.closedWayIsArea(tags) ? shape.area() : shape.linear();
            default -> shape.area();
        };
        if (g == null) {
            return; // an area that cannot be repaired: the shape warned
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(ID, id);
        attributes.put(TYPE, type == 'n' ? "node" : type == 'w' ? "way" : "relation");
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String key = t.getKey();
            if (key.equals(ID) || key.equals(TYPE)) {
                problems.warning(shape.location(), key, "the tag " + key + " is left out: the attribute holds the"
                        + " element's own " + (key.equals(ID) ? "id" : "type"));
                continue;
            }
            if (!declared.containsKey(key) && !declare(List.of(new SourceField(key, SourceField.Type.TEXT)))) {
                stopped = true; // the sink reported why (too many attributes)
                return;
            }
            attributes.put(key, t.getValue());
        }
        sink.accept(new SourceFeature(file, shape.location(), g, attributes));
    }

    private boolean declare(List<SourceField> fields) {
        fields.forEach(f -> declared.put(f.name(), Boolean.TRUE));
        return sink.typedFields(file, null, fields);
    }

    /** One warning for the relations the filter matched that are neither multipolygons nor boundaries. */
    void finish(ImportReport report) {
        if (!otherRelations.isEmpty()) {
            int n = otherRelations.values().stream().mapToInt(Integer::intValue).sum();
            report.warning(file, null, null, n + " relation(s) matched the filter but are neither multipolygons nor"
                    + " boundaries, so have no area, and were left out: " + otherRelations.entrySet().stream()
                    .map(e -> "type=" + e.getKey() + " " + e.getValue()).toList());
        }
    }
}
