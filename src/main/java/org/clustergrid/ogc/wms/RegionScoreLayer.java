package org.clustergrid.ogc.wms;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.ScoreClasses;
import org.clustergrid.render.Symbol.Fill;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygonal;

/**
 * A polygon layer's areas coloured by the mean connectivity score of the scored clusters each holds (the web map's
 * "by region" view as a WMS style, {@value #NAME}): the clusters' own fixed classes; an area with no scored cluster
 * grey, never coloured as 0. GetFeatureInfo adds the area's figures to its attributes.
 */
final class RegionScoreLayer implements FeatureLayer {
    static final String NAME = "scores";
    static final String TITLE = "Areas by the mean connectivity score of their clusters (darker = more need)";
    private static final Color OUTLINE = new Color(0x333333);
    private static final ScoreClasses CLASSES = ScoreClasses.fixed(false);

    private final FeatureLayer areas;
    private final Map<Long, RegionSummary> summaries;

    /** @param summaries the areas' figures by fid, from the scoring run maps draw */
    RegionScoreLayer(FeatureLayer areas, Map<Long, RegionSummary> summaries) {
        this.areas = areas;
        this.summaries = summaries;
    }

    @Override
    public String name() {
        return areas.name();
    }

    @Override
    public String title() {
        return areas.title();
    }

    @Override
    public String description() {
        return areas.description();
    }

    @Override
    public List<String> keywords() {
        return areas.keywords();
    }

    @Override
    public Envelope extent() {
        return areas.extent();
    }

    @Override
    public String attribution() {
        return areas.attribution();
    }

    @Override
    public String styleName() {
        return NAME;
    }

    @Override
    public List<Item> items(Envelope lonLat) {
        return items(lonLat, Double.NaN);
    }

    @Override
    public List<Item> items(Envelope lonLat, double scaleDenominator) {
        List<Item> out = new ArrayList<>();
        for (Item it : areas.items(lonLat)) {
            if (!(it.geometry() instanceof Polygonal)) {
                continue; // a mixed layer's points and lines hold no clusters
            }
            Long fid = ((Number) it.properties().get("fid")).longValue();
            RegionSummary r = summaries.get(fid);
            Double mean = r == null || r.composite() == null ? null : r.composite().mean();
            Map<String, Object> p = new LinkedHashMap<>(it.properties());
            p.put("clusters", r == null ? 0 : r.clusters());
            p.put("scored_clusters", r == null ? 0 : r.scored());
            p.put("composite_mean", mean == null ? null : Math.round(mean * 10) / 10.0);
            if (mean == null) {
                p.put("composite_mean_missing", "no scored cluster in this area");
            }
            out.add(new Item(it.id(), it.geometry(), new Fill(CLASSES.colour(mean), OUTLINE, 1f), p));
        }
        return out;
    }

    @Override
    public List<LegendItem> legend() {
        List<LegendItem> out = new ArrayList<>();
        for (int need = ScoreClasses.COLOURS.length - 1; need >= 0; need--) {
            out.add(new LegendItem(CLASSES.label(need), new Fill(ScoreClasses.COLOURS[need], OUTLINE, 1f)));
        }
        out.add(new LegendItem("no scored cluster", new Fill(ScoreClasses.NO_SCORE, OUTLINE, 1f)));
        return out;
    }
}
