package org.clustergrid.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.model.Layer;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.MapRenderer;
import org.clustergrid.render.MapSpec;
import org.clustergrid.render.MarketStyle;
import org.clustergrid.render.PowerStyle;
import org.clustergrid.render.RoadStyle;
import org.clustergrid.render.ScoreClasses;
import org.clustergrid.render.ScoreLookup;
import org.clustergrid.render.ScoreMeasure;
import org.clustergrid.render.ScoreStyle;
import org.clustergrid.render.Viewport;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;

/**
 * The region on a map, drawn by the server's own renderer as the WMS draws its score styles: roads and the grid
 * underneath, the region's and its sub-regions' outlines, and only the region's clusters coloured by one score in
 * the web map's classes. One map per measure, whatever the number of clusters: the report draws no map per cluster.
 */
final class RegionMap {
    static final int WIDTH = 680;
    static final int HEIGHT = 500;
    /** The view shows at least this much ground around the region's middle. */
    static final double MIN_HALF_M = 2_000;
    /** Towns are drawn only on maps narrower than this: wider, they would bury the clusters. */
    static final double MARKETS_MAX_WIDTH_KM = 300;
    private static final Color BACKGROUND = new Color(0xf4f2ec);

    /** A legend entry: the label and its colour as CSS. */
    record Key(String label, String colour) {}

    /** The image, how wide its ground is, and its legend. */
    record Drawn(byte[] png, double widthKm, List<Key> legend, String title) {}

    private final ScoringData data;
    private final Set<String> members;
    private final ScoreLookup scores;
    private final RegionOutlineLayer outlines;
    private final Viewport viewport;
    private final Function<String, String> attribution;

    RegionMap(ScoringData data, ScoringRun run, Set<String> members, RegionReportRequest request,
            Function<String, String> attribution) {
        this.data = data;
        this.members = members;
        this.scores = new ScoreLookup(() -> run);
        this.attribution = attribution;
        Envelope view = new Envelope();
        for (StoredFeature f : data.clusters()) {
            if (members.contains(f.layerId())) {
                view.expandToInclude(f.feature().geometry().getEnvelopeInternal());
            }
        }
        for (ContextFeature a : request.scope().areas()) {
            view.expandToInclude(a.geometry().getEnvelopeInternal());
        }
        this.outlines = new RegionOutlineLayer(request.scope(), request.breakdown(), view);
        this.viewport = viewport(view);
    }

    Drawn render(ScoreMeasure measure) {
        ScoreStyle clusters = new ScoreStyle(measure, scores);
        double widthKm = viewport.metresPerPixel() * WIDTH / 1000;
        List<MapLayer> layers = new ArrayList<>(List.of(new RoadStyle(), new PowerStyle()));
        if (widthKm < MARKETS_MAX_WIDTH_KM) {
            layers.add(new MarketStyle());
        }
        layers.add(outlines);
        layers.add(clusters);
        MapSpec spec = new MapSpec(viewport, layers, BACKGROUND, true, attribution);
        BufferedImage image = new MapRenderer().render(spec, this::within);
        return new Drawn(ImageEncoder.encode(image, ImageFormat.PNG8, null), widthKm, legend(measure),
                measure.label());
    }

    /**
     * The classes as the style colours them (the same classes of the same run's values), each with how many of the
     * region's clusters fall in it; a quintile class that repeats another's bounds and holds none is left out.
     */
    private List<Key> legend(ScoreMeasure measure) {
        ScoreLookup.Table table = scores.current();
        ScoreClasses classes = ScoreClasses.of(measure, table.values(measure));
        int n = ScoreClasses.COLOURS.length;
        int[] counts = new int[n];
        int none = 0;
        for (String id : members) {
            int need = classes.need(table.value(id, measure));
            if (need < 0) {
                none++;
            } else {
                counts[need]++;
            }
        }
        List<Key> out = new ArrayList<>();
        Set<String> shown = new java.util.HashSet<>();
        for (int need = n - 1; need >= 0; need--) {
            String range = classes.label(need);
            if (counts[need] == 0 && !measure.fixedBreaks() && !shown.add(range)) {
                continue;
            }
            shown.add(range);
            String note = need == n - 1 ? " · most need" : need == 0 ? " · least need" : "";
            out.add(new Key(range + (measure.fixedBreaks() ? "" : " (quintile)") + note + ": " + counts[need],
                    css(ScoreClasses.COLOURS[need])));
        }
        out.add(new Key((measure == ScoreMeasure.PRIORITY ? "unknown (size or score)" : "no score") + ": " + none,
                css(ScoreClasses.NO_SCORE)));
        return out;
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Web Mercator around the box, grown to the minimum size and a margin, in the image's proportions. */
    private static Viewport viewport(Envelope lonLat) {
        return MapViews.around(lonLat, lonLat.centre().y, MIN_HALF_M, 1.08, 1.08, WIDTH, HEIGHT);
    }

    /** The features of a layer meeting a longitude/latitude box; of the clusters, only the region's. */
    private List<StoredFeature> within(Layer layer, Envelope box) {
        List<StoredFeature> all = ClusterMap.within(data, layer, box);
        return layer != Layer.CLUSTERS ? all : all.stream().filter(f -> members.contains(f.layerId())).toList();
    }
}
