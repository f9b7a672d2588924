package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ScenarioMaps;
import org.clustergrid.render.ChangeClasses;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.LegendItem;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.store.StoredScenario;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The clusters coloured by how much a stored scenario lowers their gap ({@code scenario-<id>-change}, the web map's
 * change view): from the scenario's evaluation on the current data, computed when first drawn or queried
 * ({@link ScenarioMaps#evaluation}) and kept. A cluster whose gap is unknown before or after is "no data".
 */
final class ClusterChangeLayer implements FeatureLayer {
    static final String SUFFIX = "-change";

    private final StoredScenario scenario;
    private final String staleness;
    private final ScenarioMaps maps;
    private final Envelope clusters;

    /** @param clusters the clusters' extent */
    ClusterChangeLayer(StoredScenario scenario, String staleness, ScenarioMaps maps, Envelope clusters) {
        this.scenario = scenario;
        this.staleness = staleness;
        this.maps = maps;
        this.clusters = clusters;
    }

    @Override
    public String name() {
        return PlannedFeatureLayer.name(scenario) + SUFFIX;
    }

    @Override
    public String title() {
        return scenario.name() + ": change in the clusters' gap";
    }

    @Override
    public String description() {
        return "Each cluster coloured by how much scenario '" + scenario.name() + "' lowers its gap (gap points,"
                + " 0–100: before minus after), from the scenario's evaluation on the current data under the scoring"
                + " profile's weights; grey where the gap is unknown before or after."
                + (staleness == null ? "" : " Stale: " + staleness + ".");
    }

    @Override
    public List<String> keywords() {
        return List.of("scenario", "change", "gap", scenario.name());
    }

    @Override
    public Envelope extent() {
        return clusters;
    }

    @Override
    public String attribution() {
        return null;
    }

    @Override
    public List<Item> items(Envelope lonLat) {
        ScenarioEvaluation e = maps.evaluation(scenario); // a scenario that no longer fits throws: WmsService reports it
        Map<String, Geometry> footprints = maps.footprints();
        List<Item> out = new ArrayList<>();
        for (ScenarioEvaluation.ClusterChange c : e.clusters()) {
            Geometry g = footprints.get(c.id());
            if (g == null || !lonLat.intersects(g.getEnvelopeInternal())) {
                continue;
            }
            Double fall = ChangeClasses.fall(c.before().gap(), c.after().gap());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("cluster_grid_id", c.id());
            p.put("name", c.name());
            p.put("gap_before", c.before().gap());
            p.put("gap_after", c.after().gap());
            p.put("gap_fall", fall);
            p.put("priority_before", c.before().priority());
            p.put("priority_after", c.after().priority());
            p.put("changed", c.changed());
            p.put("scenario", scenario.id());
            out.add(new Item(name() + "." + c.id(), g, ChangeClasses.symbol(g, fall), p));
        }
        // the larger falls drawn last, on top, so overlapping clusters show the change
        out.sort(Comparator.comparingDouble(i -> i.properties().get("gap_fall") instanceof Double d ? d : -1e9));
        return out;
    }

    @Override
    public List<LegendItem> legend() {
        return ChangeClasses.legend();
    }
}
