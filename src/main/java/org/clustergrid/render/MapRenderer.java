package org.clustergrid.render;

import java.awt.AlphaComposite;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Draws a map: each layer in the order given, then labels, then the attributions of the data in view. */
public final class MapRenderer {
    /** Features this many pixels outside the view are fetched too, so their symbols are not cut at tile edges. */
    static final double MARGIN_PX = 16;
    private static final Font ATTRIBUTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    /** A feature to draw; {@code feature} is null for an item of a {@link FeatureLayer}. */
    private record Item(LayerFeature feature, Geometry geometry, Symbol symbol, int order, double offsetX) {}

    public BufferedImage render(MapSpec spec, FeatureSource source) {
        Viewport v = spec.viewport();
        BufferedImage image = new BufferedImage(v.width(), v.height(),
                spec.background() == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            setUp(g);
            if (spec.background() != null) {
                g.setColor(spec.background());
                g.fillRect(0, 0, v.width(), v.height());
            }
            LabelPlacer labels = new LabelPlacer();
            Set<String> datasets = new LinkedHashSet<>();
            Set<String> layerAttributions = new LinkedHashSet<>();
            SymbolPainter painter = new SymbolPainter();
            double mpp = v.metresPerPixel();
            for (MapLayer layer : spec.layers()) {
                if (layer instanceof Surface surface) {
                    if (paintSurface(g, surface, v, datasets) && surface.attribution() != null) {
                        layerAttributions.add(surface.attribution());
                    }
                    continue;
                }
                if (layer instanceof FeatureLayer features) {
                    if (paintFeatures(g, painter, features, v, spec.labels() ? labels : null)
                            && features.attribution() != null) {
                        layerAttributions.add(features.attribution());
                    }
                    continue;
                }
                Style style = ((Style) layer).resolved();
                List<Item> items = new ArrayList<>();
                for (Viewport.WorldCopy copy : v.worldCopies(MARGIN_PX)) {
                    for (StoredFeature f : source.features(style.layer(), copy.query())) {
                        Symbol s = style.symbol(f.feature());
                        if (s != null) {
                            items.add(new Item(f.feature(), f.feature().geometry(), s, style.order(f.feature()),
                                    copy.offsetX()));
                            datasets.add(f.datasetId());
                        }
                    }
                }
                items.sort(Comparator.comparingInt(Item::order)); // stable: equal orders keep the store's order
                paintCasings(g, painter, items, v);
                for (int i = 0; i < items.size(); ) {
                    int end = lineRunEnd(items, i, false);
                    if (end > i + 1) {
                        painter.paintLines(g, (Line) items.get(i).symbol(), geometries(items, i, end),
                                offsets(items, i, end), v, false);
                    } else {
                        Item it = items.get(i);
                        painter.paint(g, it.symbol(), it.geometry(), v, it.offsetX());
                    }
                    if (spec.labels()) {
                        for (int k = i; k < end; k++) {
                            addLabel(labels, style, items.get(k), v, mpp);
                        }
                    }
                    i = end;
                }
            }
            Rectangle2D attributionBox = paintAttribution(g, spec, datasets, layerAttributions, v);
            if (attributionBox != null) {
                labels.block(attributionBox);
            }
            labels.paint(g, v.width(), v.height());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The casings of a layer's lines, under all its lines, each run of one casing drawn as one path. */
    private static void paintCasings(Graphics2D g, SymbolPainter painter, List<Item> items, Viewport v) {
        for (int i = 0; i < items.size(); ) {
            int end = lineRunEnd(items, i, true);
            if (items.get(i).symbol() instanceof Line l && l.casing() != null && isLine(items.get(i))) {
                painter.paintLines(g, l, geometries(items, i, end), offsets(items, i, end), v, true);
            }
            i = end;
        }
    }

    /**
     * The end of the run of items from {@code start} drawn alike: lines of the same symbol (or, for casings, the same
     * casing). Drawing a run as one path makes one rasteriser pass instead of one per road, the bulk of a map's
     * cost; where lines of one symbol cross, the union is drawn once, without a seam.
     */
    private static int lineRunEnd(List<Item> items, int start, boolean casing) {
        int end = start + 1;
        if (!(items.get(start).symbol() instanceof Line first) || !isLine(items.get(start))) {
            return end;
        }
        while (end < items.size() && items.get(end).symbol() instanceof Line next && isLine(items.get(end))
                && (casing ? first.sameCasing(next) : first.sameLine(next))) {
            end++;
        }
        return end;
    }

    private static boolean isLine(Item it) {
        return it.geometry().getDimension() == 1;
    }

    private static List<Geometry> geometries(List<Item> items, int start, int end) {
        List<Geometry> list = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            list.add(items.get(i).geometry());
        }
        return list;
    }

    private static double[] offsets(List<Item> items, int start, int end) {
        double[] offsets = new double[end - start];
        for (int i = start; i < end; i++) {
            offsets[i - start] = items.get(i).offsetX();
        }
        return offsets;
    }

    /**
     * A feature layer's items in every world copy, areas beneath lines beneath points (in a mixed layer a point
     * within an area stays visible), the layer's order otherwise; runs of lines of one symbol drawn as one path.
     * True when anything was drawn.
     */
    private static boolean paintFeatures(Graphics2D g, SymbolPainter painter, FeatureLayer layer, Viewport v,
            LabelPlacer labels) {
        List<Item> items = new ArrayList<>();
        double scale = v.scaleDenominator();
        for (Viewport.WorldCopy copy : v.worldCopies(MARGIN_PX)) {
            for (FeatureLayer.Item it : layer.items(copy.query(), scale)) {
                if (it.symbol() != null) {
                    items.add(new Item(null, it.geometry(), it.symbol(), -it.geometry().getDimension(),
                            copy.offsetX()));
                }
                if (it.label() != null && labels != null) {
                    addLabel(labels, it.label(), it.geometry(), it.symbol(), v, copy.offsetX());
                }
            }
        }
        items.sort(Comparator.comparingInt(Item::order));
        for (int i = 0; i < items.size(); ) {
            int end = lineRunEnd(items, i, false);
            if (end > i + 1) {
                painter.paintLines(g, (Line) items.get(i).symbol(), geometries(items, i, end), offsets(items, i, end),
                        v, false);
            } else {
                Item it = items.get(i);
                painter.paint(g, it.symbol(), it.geometry(), v, it.offsetX());
            }
            i = end;
        }
        return !items.isEmpty();
    }

    /**
     * The cells filled opaque and without antialiasing (adjacent cells share edge pixels exactly), or the layer's own
     * painting, then laid over; true when anything was drawn.
     */
    private static boolean paintSurface(Graphics2D g, Surface surface, Viewport v, Set<String> datasets) {
        BufferedImage painted = surface.paint(v);
        if (painted != null) {
            Composite before = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, surface.opacity()));
            g.drawImage(painted, 0, 0, null);
            g.setComposite(before);
            return true;
        }
        BufferedImage layer = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D lg = layer.createGraphics();
        lg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        boolean drawn = false;
        try {
            SymbolPainter painter = new SymbolPainter();
            for (Viewport.WorldCopy copy : v.worldCopies(0)) {
                for (Surface.Cell cell : surface.cells(copy.query())) {
                    painter.paint(lg, new Fill(cell.colour(), null, 0), cell.geometry(), v, copy.offsetX());
                    drawn = true;
                }
            }
        } finally {
            lg.dispose();
        }
        if (drawn) {
            Composite before = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, surface.opacity()));
            g.drawImage(layer, 0, 0, null);
            g.setComposite(before);
            datasets.addAll(surface.sourceDatasets());
        }
        return drawn;
    }

    static void setUp(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void addLabel(LabelPlacer labels, Style style, Item it, Viewport v, double mpp) {
        String text = style.label(it.feature(), mpp);
        if (text != null) {
            place(labels, text, it.geometry(), it.symbol(), v, it.offsetX(),
                    style.layer() == org.clustergrid.model.Layer.CLUSTERS, style.labelPriority(it.feature()));
        }
    }

    /** A feature layer's label (an SLD TextSymbolizer), plain and of the lowest priority. */
    private static void addLabel(LabelPlacer labels, String text, Geometry geometry, Symbol symbol, Viewport v,
            double offsetX) {
        place(labels, text, geometry, symbol, v, offsetX, false, 0);
    }

    /** At a point's place, a line's or an area's inner point; only where that is in the image. */
    private static void place(LabelPlacer labels, String text, Geometry geometry, Symbol symbol, Viewport v,
            double offsetX, boolean bold, int priority) {
        Point anchor = geometry.getDimension() == 0 ? geometry.getCentroid() : geometry.getInteriorPoint();
        double x = v.px(anchor.getX(), offsetX);
        double y = v.py(anchor.getY());
        if (x < 0 || y < 0 || x > v.width() || y > v.height()) {
            return;
        }
        double clearance = symbol instanceof Marker m ? m.size() : 0;
        labels.add(text, x, y, clearance, bold, priority);
    }

    /** The attributions of the datasets in view, one line each, in the bottom-right corner. */
    private static Rectangle2D paintAttribution(Graphics2D g, MapSpec spec, Set<String> datasets,
            Set<String> layerTexts, Viewport v) {
        Set<String> texts = new LinkedHashSet<>();
        List<String> candidates = new ArrayList<>();
        datasets.forEach(id -> candidates.add(spec.attribution().apply(id)));
        candidates.addAll(layerTexts);
        for (String t : candidates) {
            if (t != null && !t.isBlank()) {
                texts.add(t.strip());
            }
        }
        if (texts.isEmpty()) {
            return null;
        }
        double y = v.height() - 3;
        Rectangle2D all = null;
        List<String> lines = new ArrayList<>(texts);
        for (int i = lines.size() - 1; i >= 0; i--) {
            TextLayout layout = new TextLayout(lines.get(i), ATTRIBUTION_FONT, g.getFontRenderContext());
            double w = layout.getAdvance();
            double x = Math.max(2, v.width() - w - 4);
            TextSprites.draw(g, lines.get(i), ATTRIBUTION_FONT, x, y - layout.getDescent());
            Rectangle2D box = new Rectangle2D.Double(x - 2, y - layout.getAscent() - layout.getDescent() - 2, w + 4,
                    layout.getAscent() + layout.getDescent() + 4);
            all = all == null ? box : all.createUnion(box);
            y -= layout.getAscent() + layout.getDescent() + 1;
        }
        return all;
    }
}
