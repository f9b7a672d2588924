package org.clustergrid.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Symbol;
import org.clustergrid.scoring.Dimension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The cluster and the evidence of its scores on the map: its footprint outlined, a star where it is reached from,
 * and a dashed line in its dimension's colour from the cluster to each feature behind a distance or travel time
 * (nearest road, line, bank, market), ending in a ring — as the web map draws the evidence.
 */
final class EvidenceLayer extends ReportOverlay {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Color INK = new Color(0x222222);

    /** One line to draw: its dimension and ends. */
    record Line(Dimension dimension, Coordinate from, Coordinate to) {}

    EvidenceLayer(Geometry footprint, Geometry anchor, List<Line> lines) {
        super("evidence", "The cluster and the evidence of its scores");
        if (footprint.getDimension() == 2) {
            items.add(new Item("cluster", footprint, new Symbol.Fill(new Color(255, 215, 0, 70), INK, 2.5f), Map.of()));
        }
        for (Line l : lines) {
            Color c = Color.decode(Labels.colour(l.dimension()));
            items.add(new Item("line", GF.createLineString(new Coordinate[] {l.from(), l.to()}),
                    new Symbol.Line(c, 2.6f, new float[] {7f, 4f}, Color.WHITE, 4.6f), Map.of()));
            items.add(new Item("end", GF.createPoint(l.to()),
                    new Symbol.Marker(Symbol.MarkerShape.CIRCLE, 11f, Color.WHITE, c, 3f), Map.of()));
        }
        items.add(new Item("anchor", anchor, new Symbol.Marker(Symbol.MarkerShape.STAR, 20f,
                new Color(0xffd700), INK, 1.5f), Map.of()));
    }

    @Override
    public List<LegendItem> legend() {
        List<LegendItem> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            out.add(new LegendItem(Labels.dimension(d), Symbol.Line.solid(Color.decode(Labels.colour(d)), 2.6f)));
        }
        return out;
    }
}
