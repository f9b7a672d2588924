package org.clustergrid.ingest.osm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.RoadRules;
import org.clustergrid.model.Typology;
import org.clustergrid.model.Typology.ClusterType;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns one OSM element (id, tags, shape) into the layer features its tags call for, one per matching layer, using
 * {@link OsmTagRules}. Counts each emitted feature in the report.
 */
final class OsmFeatureMapper {
    static final String SOURCE = "OpenStreetMap";

    private final OsmImportOptions options;
    private final ImportReport report;
    private final ProblemSink problems;
    private final Consumer<LayerFeature> sink;

    OsmFeatureMapper(OsmImportOptions options, ImportReport report, ProblemSink problems,
            Consumer<LayerFeature> sink) {
        this.options = options;
        this.report = report;
        this.problems = problems;
        this.sink = sink;
    }

    /**
     * @param type 'n', 'w' or 'r'
     * @param shape the element's geometry; ways give a LineString, relations a (multi)polygon or multilinestring
     */
    void map(char type, long id, Map<String, String> tags, ElementShape shape) {
        String fid = type + Long.toString(id);
        Map<String, Object> attributes = Map.copyOf(new HashMap<String, Object>(tags));
        if (type == 'w' && OsmTagRules.isRoad(tags) && shape.linear() != null) {
            road(fid, tags, shape.linear(), attributes);
        }
        PowerKind power = OsmTagRules.powerKind(tags);
        if (power != null) {
            power(fid, power, tags, shape, attributes);
        }
        FinanceType finance = OsmTagRules.financeType(tags);
        if (finance != null) {
            emit(new FinancePoint(fid, finance, tags.get("name"), tags.getOrDefault("operator", tags.get("brand")),
                    shape.point(), attributes));
        }
        MarketKind market = OsmTagRules.marketKind(tags);
        if (market != null) {
            Long population = OsmTagRules.population(tags.get("population"), () -> problems.warning(
                    shape.location(), "population", "unreadable population '" + tags.get("population") + "'"));
            emit(new Market(fid, market, tags.get("name"), population, shape.point(), attributes));
        }
        if (options.clustersFromOsm()) {
            cluster(fid, tags, shape, attributes);
        }
    }

    private void emit(LayerFeature f) {
        report.accepted(f.layer());
        sink.accept(f);
    }

    private void road(String fid, Map<String, String> tags, Geometry line, Map<String, Object> attributes) {
        String roadClass = tags.get("highway");
        Paving paving = OsmTagRules.paving(tags);
        emit(new Road(fid, roadClass, tags.get("surface"), paving, RoadRules.isAllSeason(roadClass, paving),
                RoadRules.isMotorable(roadClass), tags.get("name"), tags.get("ref"), line, attributes));
    }

    private void power(String fid, PowerKind kind, Map<String, String> tags, ElementShape shape,
            Map<String, Object> attributes) {
        Geometry geometry;
        if (kind.isLinear()) {
            geometry = shape.linear();
            if (geometry == null) {
                problems.warning(shape.location(), "power", "power=" + tags.get("power")
                        + " is not a line; left out of the power layer");
                return;
            }
        } else {
            geometry = shape.area() != null ? shape.area() : shape.point();
        }
        List<Integer> voltages = OsmTagRules.voltages(tags.get("voltage"), part -> problems.warning(
                shape.location(), "voltage", "unreadable voltage '" + part + "' left out"));
        Double capacity = OsmTagRules.capacityMw(tags, key -> problems.warning(shape.location(), key,
                "unreadable generating capacity '" + tags.get(key) + "' (expected e.g. '30 MW')"));
        emit(new PowerFeature(fid, kind, tags.get("name"), voltages, capacity, null, geometry, attributes));
    }

    private void cluster(String fid, Map<String, String> tags, ElementShape shape, Map<String, Object> attributes) {
        String name = tags.get("name");
        if (OsmTagRules.isCraft(tags)) {
            // a craft workshop is more specific than the industrial area it may also be tagged as
            String craft = tags.get("craft");
            emit(new Cluster(null, fid, name != null ? name : "Craft: " + craft + " " + fid, craft,
                    tags.get("product"), new Typology(ClusterType.ARTISANAL_CRAFT, null), null, null, null,
                    shape.areaOrPoint(), SOURCE, attributes));
        } else if (OsmTagRules.isIndustrialArea(tags)) {
            String sector = tags.getOrDefault("industrial", tags.get("product"));
            emit(new Cluster(null, fid, name != null ? name : "Industrial area " + fid, sector, tags.get("product"),
                    Typology.UNKNOWN, null, null, null, shape.areaOrPoint(), SOURCE, attributes));
        }
    }
}
