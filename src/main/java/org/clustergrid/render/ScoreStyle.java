package org.clustergrid.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;

/**
 * Clusters coloured by one score of the current run in {@link ScoreClasses} (the web map's classes and colours),
 * sized by employment and labelled at large scales as {@link ClusterStyle} does. The style reads the scores once
 * per map ({@link #resolved()}); a new data version brings a new run and so new colours (and quintiles).
 */
public final class ScoreStyle implements Style {
    /** Outline of score markers and areas, as the web map draws them; it keeps the palest class visible on white. */
    static final Color OUTLINE = new Color(0x4D4D4D);
    private static final ClusterStyle SIZES_AND_LABELS = new ClusterStyle();

    private final ScoreMeasure measure;
    private final ScoreLookup scores;
    private volatile Bound bound;

    public ScoreStyle(ScoreMeasure measure, ScoreLookup scores) {
        this.measure = measure;
        this.scores = scores;
    }

    /** A style per measure, all reading the same scores. */
    public static List<Style> all(ScoreLookup scores) {
        return Arrays.stream(ScoreMeasure.values()).map(m -> (Style) new ScoreStyle(m, scores)).toList();
    }

    @Override
    public Layer layer() {
        return Layer.CLUSTERS;
    }

    @Override
    public String name() {
        return measure.id();
    }

    @Override
    public String title() {
        return "Clusters by " + measure.label().toLowerCase(Locale.ROOT) + " (darker = more need)";
    }

    @Override
    public Style resolved() {
        ScoreLookup.Table t = scores.current();
        Bound b = bound;
        if (b == null || b.table != t) {
            b = new Bound(this, t, ScoreClasses.of(measure, t.values(measure)));
            bound = b;
        }
        return b;
    }

    // Unbound use reads the scores per call: correct, but callers drawing many features resolve first.
    @Override
    public Symbol symbol(LayerFeature feature) {
        return resolved().symbol(feature);
    }

    @Override
    public int order(LayerFeature feature) {
        return SIZES_AND_LABELS.order(feature);
    }

    @Override
    public String label(LayerFeature feature, double metresPerPixel) {
        return SIZES_AND_LABELS.label(feature, metresPerPixel);
    }

    @Override
    public int labelPriority(LayerFeature feature) {
        return SIZES_AND_LABELS.labelPriority(feature);
    }

    @Override
    public List<LegendItem> legend() {
        return resolved().legend();
    }

    static Symbol symbol(Color colour, Cluster c) {
        if (c.footprint().getDimension() == 2) {
            return new Fill(Palette.alpha(colour, 200), OUTLINE, 1.5f);
        }
        return new Marker(MarkerShape.CIRCLE, ClusterStyle.diameter(c.size()), Palette.alpha(colour, 230), OUTLINE,
                1.2f);
    }

    /** The style with one run's scores and classes. Identity equality: one instance per run and measure. */
    private static final class Bound implements Style {
        private final ScoreStyle style;
        private final ScoreLookup.Table table;
        private final ScoreClasses classes;

        Bound(ScoreStyle style, ScoreLookup.Table table, ScoreClasses classes) {
            this.style = style;
            this.table = table;
            this.classes = classes;
        }

        @Override
        public Layer layer() {
            return Layer.CLUSTERS;
        }

        @Override
        public String name() {
            return style.name();
        }

        @Override
        public String title() {
            return style.title();
        }

        @Override
        public Symbol symbol(LayerFeature feature) {
            Cluster c = (Cluster) feature;
            return ScoreStyle.symbol(classes.colour(table.value(c.clusterGridId(), style.measure)), c);
        }

        @Override
        public int order(LayerFeature feature) {
            return style.order(feature);
        }

        @Override
        public String label(LayerFeature feature, double metresPerPixel) {
            return style.label(feature, metresPerPixel);
        }

        @Override
        public int labelPriority(LayerFeature feature) {
            return style.labelPriority(feature);
        }

        @Override
        public List<LegendItem> legend() {
            List<LegendItem> items = new ArrayList<>();
            String basis = style.measure.fixedBreaks() ? "" : " (quintile)";
            // most need on top, as the web map's legend lists them
            for (int need = ScoreClasses.CLASSES - 1; need >= 0; need--) {
                String note = need == ScoreClasses.CLASSES - 1 ? " · most need"
                        : need == 0 ? " · least need" : "";
                items.add(new LegendItem(classes.label(need) + basis + note, marker(ScoreClasses.COLOURS[need], 12)));
            }
            items.add(new LegendItem("no score", marker(ScoreClasses.NO_SCORE, 12)));
            String[] sizes = {"< 1,000 workers", "1,000 – 5,000", "5,000 – 20,000", "≥ 20,000"};
            for (int i = 0; i < sizes.length; i++) {
                items.add(new LegendItem(sizes[i], marker(ScoreClasses.NO_SCORE, ClusterStyle.DIAMETERS[i])));
            }
            return items;
        }

        private static Marker marker(Color colour, float size) {
            return new Marker(MarkerShape.CIRCLE, size, Palette.alpha(colour, 230), OUTLINE, 1.2f);
        }
    }
}
