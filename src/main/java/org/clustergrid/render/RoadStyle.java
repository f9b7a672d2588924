package org.clustergrid.render;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.render.Symbol.Line;

/** Roads by class (trunk and primary widest), paved or of unknown surface solid, unpaved dashed. */
public final class RoadStyle implements Style {
    private static final float[] UNPAVED_DASH = {5f, 3f};

    /** Road rank: 4 trunk/motorway, 3 primary, 2 secondary/tertiary, 1 local, 0 tracks and paths. */
    static int rank(String roadClass) {
        String c = roadClass == null ? "" : roadClass.toLowerCase(Locale.ROOT).replace("_link", "");
        return switch (c) {
            case "motorway", "trunk" -> 4;
            case "primary" -> 3;
            case "secondary", "tertiary" -> 2;
            case "residential", "unclassified", "living_street", "road", "service" -> 1;
            default -> 0;
        };
    }

    private static final Color[] COLOURS = {
        new Color(0x8C7A5B), new Color(0x777777), new Color(0xE0A030), new Color(0xD55E00), new Color(0xB2182B)};
    private static final float[] WIDTHS = {1f, 1.4f, 2.2f, 3.2f, 4.2f};
    private static final String[] NAMES = {"track / path / other", "local road", "secondary / tertiary", "primary",
        "trunk / motorway"};

    static Line line(int rank, boolean unpaved) {
        Color casing = rank >= 2 ? new Color(0x66333333, true) : null;
        return new Line(COLOURS[rank], WIDTHS[rank], unpaved ? UNPAVED_DASH : null, casing, WIDTHS[rank] + 1.6f);
    }

    @Override
    public Layer layer() {
        return Layer.ROADS;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String title() {
        return "Roads by class and paving";
    }

    @Override
    public Symbol symbol(LayerFeature feature) {
        Road r = (Road) feature;
        return line(rank(r.roadClass()), r.paving() == Paving.UNPAVED);
    }

    @Override
    public int order(LayerFeature feature) {
        return rank(((Road) feature).roadClass());
    }

    @Override
    public List<LegendItem> legend() {
        return List.of(
                new LegendItem(NAMES[4], line(4, false)),
                new LegendItem(NAMES[3], line(3, false)),
                new LegendItem(NAMES[2], line(2, false)),
                new LegendItem(NAMES[1], line(1, false)),
                new LegendItem(NAMES[0], line(0, false)),
                new LegendItem("unpaved (dashed)", line(1, true)));
    }
}
