package org.clustergrid.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Road;
import org.clustergrid.render.ClusterStyle;
import org.clustergrid.render.FinanceStyle;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.MapRenderer;
import org.clustergrid.render.MapSpec;
import org.clustergrid.render.MarketStyle;
import org.clustergrid.render.PlannedSymbols;
import org.clustergrid.render.PowerStyle;
import org.clustergrid.render.RoadStyle;
import org.clustergrid.render.Symbol;
import org.clustergrid.render.Viewport;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * The chosen projects on a map drawn by the server's own renderer: roads, the grid, finance points, markets and
 * clusters in their default styles, the clusters the picks change outlined, and each pick as a scenario's planned
 * feature is drawn on the WMS (its layer's colours, dashed), numbered in the order chosen as the picks table numbers it.
 */
final class PortfolioMap {
    static final int WIDTH = 1100;
    static final int HEIGHT = 620;
    /** The view shows at least this much ground around the picks. */
    static final double MIN_HALF_M = 1_500;
    /**
     * Above this many roads in view only the trunk to tertiary ones are drawn, and above this many finance points
     * none: at a region's scale local roads, tracks and every ATM fill the map, hide the picks, and take seconds to
     * draw.
     */
    static final int MAX_FEATURES = 20_000;
    private static final Set<String> MAJOR_ROADS = Set.of("motorway", "trunk", "primary", "secondary", "tertiary");
    private static final Color BACKGROUND = new Color(0xf4f2ec);
    private static final Color INK = new Color(0x222222);
    private static final GeometryFactory GF = new GeometryFactory();

    /** A pick to draw: its number in the order chosen, the project, and where it lies (null when nowhere known). */
    record Pick(int number, Intervention intervention, Geometry geometry, String roadClass) {}

    /**
     * The image, how wide the view is, the picks left off it for want of a geometry, and what was left out at this
     * scale ({@link #MAX_FEATURES}), in words.
     */
    record Drawn(byte[] png, double widthKm, List<String> withoutPlace, List<String> leftOut) {}

    private PortfolioMap() {}

    /** A pick's place: its own geometry, or an upgrade's road segments as the data hold them. */
    static Pick place(int number, Intervention x, Map<String, StoredFeature> roads) {
        if (x.geometry() != null) {
            return new Pick(number, x, x.geometry(), x.roadClass());
        }
        List<LineString> parts = new ArrayList<>();
        String roadClass = x.roadClass();
        for (String id : x.roadIds()) {
            StoredFeature r = roads.get(id);
            if (r == null) {
                continue;
            }
            Geometry g = r.feature().geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString l) {
                    parts.add(l);
                }
            }
            if (roadClass == null && r.feature() instanceof Road road) {
                roadClass = road.roadClass();
            }
        }
        Geometry g = parts.isEmpty() ? null : GF.createMultiLineString(parts.toArray(LineString[]::new));
        return new Pick(number, x, g, roadClass);
    }

    static Drawn render(ScoringData data, List<Pick> picks, List<Geometry> changedClusters,
            Function<String, String> attribution) {
        Envelope view = new Envelope();
        List<String> withoutPlace = new ArrayList<>();
        for (Pick p : picks) {
            if (p.geometry() == null) {
                withoutPlace.add(p.intervention().id());
            } else {
                view.expandToInclude(p.geometry().getEnvelopeInternal());
            }
        }
        changedClusters.forEach(g -> view.expandToInclude(g.getEnvelopeInternal()));
        if (view.isNull()) {
            return null;
        }
        Viewport viewport = viewport(view);
        List<MapLayer> layers = List.of(new RoadStyle(), new PowerStyle(), new MarketStyle(), new FinanceStyle(),
                new ClusterStyle(), new Overlay(List.of(), changedClusters));
        MapSpec spec = new MapSpec(viewport, layers, BACKGROUND, true, attribution);
        Set<String> leftOut = new java.util.LinkedHashSet<>();
        BufferedImage image = new MapRenderer().render(spec, (layer, box) -> {
            List<StoredFeature> in = ClusterMap.within(data, layer, box);
            if (layer == Layer.ROADS && in.size() > MAX_FEATURES) {
                leftOut.add("roads below tertiary");
                return in.stream().filter(f -> f.feature() instanceof Road r && MAJOR_ROADS.contains(
                        r.roadClass() == null ? "" : r.roadClass().toLowerCase(Locale.ROOT).replace("_link", "")))
                        .toList();
            }
            if (layer == Layer.FINANCE && in.size() > MAX_FEATURES) {
                leftOut.add("the " + String.format(Locale.ROOT, "%,d", in.size()) + " finance points");
                return List.of();
            }
            return in;
        });
        // the picks over the labels too: a village's name must not hide the line planned from it
        BufferedImage planned = new MapRenderer().render(new MapSpec(viewport, List.of(new Overlay(picks, List.of())),
                null, false, null), (layer, box) -> List.of());
        Graphics2D g = image.createGraphics();
        g.drawImage(planned, 0, 0, null);
        g.dispose();
        numbers(image, viewport, picks);
        double widthKm = Geodesic.distance(viewport.projection().lon(viewport.xAt(0)), view.centre().y,
                viewport.projection().lon(viewport.xAt(WIDTH)), view.centre().y) / 1000;
        return new Drawn(ImageEncoder.encode(image, ImageFormat.PNG8, null), widthKm, withoutPlace,
                List.copyOf(leftOut));
    }

    /** Web Mercator around the box, grown to the minimum size and a margin, in the image's proportions. */
    private static Viewport viewport(Envelope lonLat) {
        return MapViews.around(lonLat, lonLat.centre().y, MIN_HALF_M, 1.1, 1.15, WIDTH, HEIGHT);
    }

    /**
     * Each pick's number in a white disc at a point of it (a line's middle), moved aside along the row while it would
     * cover another's, so every number stays readable where picks crowd.
     */
    private static void numbers(BufferedImage image, Viewport v, List<Pick> picks) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        FontMetrics fm = g.getFontMetrics();
        List<Rectangle2D> taken = new ArrayList<>();
        for (Pick p : picks) {
            if (p.geometry() == null) {
                continue;
            }
            Coordinate at = labelPoint(p.geometry());
            String text = Integer.toString(p.number());
            double d = Math.max(18, fm.stringWidth(text) + 8);
            double x = v.px(at.x, 0) + 7;
            double y = v.py(at.y) - d - 3;
            Rectangle2D box = new Rectangle2D.Double(x, y, d, d);
            for (int tries = 0; tries < 12 && overlaps(box, taken); tries++) {
                box = new Rectangle2D.Double(box.getX() + (tries % 2 == 0 ? d + 2 : 0),
                        box.getY() + (tries % 2 == 1 ? d + 2 : 0), d, d);
            }
            taken.add(box);
            Ellipse2D disc = new Ellipse2D.Double(box.getX(), box.getY(), d, d);
            g.setColor(Color.WHITE);
            g.fill(disc);
            g.setColor(INK);
            g.setStroke(new BasicStroke(1.6f));
            g.draw(disc);
            g.drawString(text, (float) (box.getCenterX() - fm.stringWidth(text) / 2.0),
                    (float) (box.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
        g.dispose();
    }

    private static boolean overlaps(Rectangle2D box, List<Rectangle2D> taken) {
        return taken.stream().anyMatch(t -> t.intersects(box));
    }

    /** Where a pick's number goes: a point's own place; a line's far end, so the disc leaves a short line in view. */
    private static Coordinate labelPoint(Geometry g) {
        if (g.getDimension() == 1) {
            LengthIndexedLine line = new LengthIndexedLine(g);
            return line.extractPoint(line.getEndIndex());
        }
        Point p = g.getInteriorPoint();
        return p.getCoordinate();
    }

    /** The changed clusters outlined and the picks in their planned look. */
    private static final class Overlay extends ReportOverlay {
        Overlay(List<Pick> picks, List<Geometry> changedClusters) {
            super("portfolio", "The chosen projects, planned");
            Symbol.Fill area = new Symbol.Fill(new Color(255, 215, 0, 60), INK, 1.6f);
            Symbol.Marker ring = new Symbol.Marker(Symbol.MarkerShape.CIRCLE, 15f, new Color(255, 215, 0, 90), INK,
                    1.6f);
            for (Geometry c : changedClusters) {
                items.add(new Item("changed", c, c.getDimension() == 2 ? area : ring, Map.of()));
            }
            for (Pick p : picks) {
                if (p.geometry() != null) {
                    items.add(new Item(p.intervention().id(), p.geometry(), symbol(p), Map.of()));
                }
            }
        }

        /**
         * The planned look, made to stand out over a region's worth of features: lines wider on a white casing,
         * markers larger.
         */
        static Symbol symbol(Pick p) {
            Symbol planned = planned(p);
            if (planned instanceof Symbol.Line l) {
                float width = Math.max(3.2f, l.width());
                return new Symbol.Line(l.color(), width, l.dash(), Color.WHITE, width + 3f);
            }
            if (planned instanceof Symbol.Marker m) {
                return new Symbol.Marker(m.shape(), m.size() + 4, m.fill(), m.stroke(), m.strokeWidth(), m.dash());
            }
            return planned;
        }

        private static Symbol planned(Pick p) {
            Intervention x = p.intervention();
            return switch (x.kind()) {
                case UPGRADE_ROAD, NEW_ROAD -> PlannedSymbols.road(p.roadClass());
                case NEW_POWER_LINE -> PlannedSymbols.powerLine(x.voltageKv());
                case NEW_SUBSTATION -> PlannedSymbols.substation();
                case FINANCE_POINT -> PlannedSymbols.finance(x.financeType());
                case MARKET -> PlannedSymbols.market(x.marketKind(), x.population());
            };
        }
    }
}
