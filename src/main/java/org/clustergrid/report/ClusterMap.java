package org.clustergrid.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Layer;
import org.clustergrid.render.ClusterStyle;
import org.clustergrid.render.FinanceStyle;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.MapRenderer;
import org.clustergrid.render.MapSpec;
import org.clustergrid.render.MarketStyle;
import org.clustergrid.render.PowerStyle;
import org.clustergrid.render.RoadStyle;
import org.clustergrid.render.Viewport;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Evidence;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A small map of a cluster drawn by the server's own renderer, as the WMS draws its layers: roads, the grid,
 * finance points, markets and clusters in their default styles, with the cluster and its evidence on top. The view
 * takes in the nearest road, line and bank up to {@link #INFRASTRUCTURE_REACH_M} and markets up to
 * {@link #MARKET_REACH_M}; evidence farther away (a national hub, a port) runs off the edge and is named beside the
 * map instead, so the neighbourhood stays legible.
 */
final class ClusterMap {
    static final int WIDTH = 960;
    /** 2.4:1, lower than 16:9, to leave the profile's first pages room for the Identification and Intervention grids. */
    static final int HEIGHT = 400;
    /** The nearest road, line or bank within this distance is brought into view: the gaps a planner closes first. */
    static final double INFRASTRUCTURE_REACH_M = 60_000;
    /** Markets within this distance are brought into view; farther tiers would shrink the neighbourhood to a dot. */
    static final double MARKET_REACH_M = 25_000;
    /** The view shows at least this much ground around the cluster. */
    static final double MIN_HALF_M = 1_200;
    private static final Color BACKGROUND = new Color(0xf4f2ec);

    /** The image and the evidence left out of view. */
    record Drawn(byte[] png, List<EvidenceRef> offMap, double widthKm) {}

    /** A feature behind an indicator, with its indicator's title and dimension. */
    record EvidenceRef(String indicator, Dimension dimension, Evidence evidence) {}

    private ClusterMap() {}

    static Drawn render(ScoringData data, StoredFeature cluster, List<EvidenceRef> evidence,
            Function<String, String> attribution) {
        Geometry footprint = cluster.feature().geometry();
        Point anchor = ClusterProfileBuilder.anchor(footprint);
        Envelope view = new Envelope(footprint.getEnvelopeInternal());
        List<EvidenceLayer.Line> lines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<EvidenceRef> offMap = new ArrayList<>();
        for (EvidenceRef ref : evidence) {
            Evidence e = ref.evidence();
            if (e.from() == null || e.to() == null) {
                continue;
            }
            double metres = Geodesic.distance(anchor.getX(), anchor.getY(), e.to().x, e.to().y);
            double reach = ref.dimension() == Dimension.MARKETS ? MARKET_REACH_M : INFRASTRUCTURE_REACH_M;
            if (metres <= reach) {
                view.expandToInclude(e.from());
                view.expandToInclude(e.to());
            } else {
                offMap.add(ref);
            }
            if (seen.add(ref.dimension() + " " + e.from() + " " + e.to())) {
                lines.add(new EvidenceLayer.Line(ref.dimension(), e.from(), e.to()));
            }
        }
        Viewport viewport = viewport(view, anchor);
        List<MapLayer> layers = List.of(new RoadStyle(), new PowerStyle(), new MarketStyle(), new FinanceStyle(),
                new ClusterStyle(), new EvidenceLayer(footprint, anchor, lines));
        MapSpec spec = new MapSpec(viewport, layers, BACKGROUND, true, attribution);
        BufferedImage image = new MapRenderer().render(spec, (layer, box) -> within(data, layer, box));
        double widthKm = viewport.metresPerPixel() * WIDTH / 1000;
        return new Drawn(ImageEncoder.encode(image, ImageFormat.PNG8, null), offMap, widthKm);
    }

    /** Web Mercator around the box, grown to the minimum size and a margin, in the image's proportions. */
    private static Viewport viewport(Envelope lonLat, Point anchor) {
        return MapViews.around(lonLat, anchor.getY(), MIN_HALF_M, 1.12, 1.12, WIDTH, HEIGHT);
    }

    /** The features of a layer of the run's data meeting a longitude/latitude box. */
    static List<StoredFeature> within(ScoringData data, Layer layer, Envelope box) {
        List<StoredFeature> all = switch (layer) {
            case CLUSTERS -> data.clusters();
            case ROADS -> data.roads();
            case POWER -> data.power();
            case FINANCE -> data.finance();
            case MARKETS -> data.markets();
        };
        List<StoredFeature> out = new ArrayList<>();
        for (StoredFeature f : all) {
            if (f.feature().geometry().getEnvelopeInternal().intersects(box)) {
                out.add(f);
            }
        }
        return out;
    }
}
