package org.clustergrid.render;

import java.awt.Color;
import java.util.List;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;

/** Settlements as circles sized by population, marketplaces and gateways (ports, airports) as symbols. */
public final class MarketStyle implements Style {
    static final long[] POPULATION_BOUNDS = {10_000, 100_000, 1_000_000};
    static final float[] DIAMETERS = {6, 9, 13, 18};
    private static final Color SETTLEMENT = new Color(0xFFFFFF);
    private static final Color OUTLINE = new Color(0x222222);
    static final Marker MARKETPLACE = new Marker(MarkerShape.DIAMOND, 10, Palette.ORANGE, OUTLINE, 1f);
    static final Marker PORT = new Marker(MarkerShape.SQUARE, 11, Palette.BLUE, Palette.WHITE, 1.2f);
    static final Marker AIRPORT = new Marker(MarkerShape.TRIANGLE, 12, Palette.BLUE, Palette.WHITE, 1.2f);
    /** Cities are named below this ground size of a pixel, towns below the second, villages below the third. */
    static final double[] LABEL_MAX_METRES_PER_PIXEL = {1_000, 250, 40};

    static float diameter(MarketKind kind, Long population) {
        if (population == null) {
            return kind == MarketKind.CITY ? DIAMETERS[2] : kind == MarketKind.TOWN ? DIAMETERS[1] : DIAMETERS[0];
        }
        for (int i = 0; i < POPULATION_BOUNDS.length; i++) {
            if (population < POPULATION_BOUNDS[i]) {
                return DIAMETERS[i];
            }
        }
        return DIAMETERS[DIAMETERS.length - 1];
    }

    static Marker settlement(float diameter) {
        return new Marker(MarkerShape.CIRCLE, diameter, SETTLEMENT, OUTLINE, 1.5f);
    }

    @Override
    public Layer layer() {
        return Layer.MARKETS;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String title() {
        return "Markets by kind, settlements by population";
    }

    @Override
    public Symbol symbol(LayerFeature feature) {
        Market m = (Market) feature;
        return marker(m.kind(), m.population());
    }

    static Marker marker(MarketKind kind, Long population) {
        return switch (kind) {
            case CITY, TOWN, VILLAGE -> settlement(diameter(kind, population));
            case MARKETPLACE -> MARKETPLACE;
            case PORT -> PORT;
            case AIRPORT -> AIRPORT;
        };
    }

    @Override
    public int order(LayerFeature feature) {
        Long p = ((Market) feature).population();
        return p == null ? 0 : (int) Math.min(p / 1000, Integer.MAX_VALUE);
    }

    @Override
    public String label(LayerFeature feature, double metresPerPixel) {
        Market m = (Market) feature;
        int level = switch (m.kind()) {
            case CITY -> 0;
            case TOWN -> 1;
            case VILLAGE -> 2;
            default -> -1;
        };
        return level >= 0 && metresPerPixel <= LABEL_MAX_METRES_PER_PIXEL[level] ? m.name() : null;
    }

    @Override
    public int labelPriority(LayerFeature feature) {
        Long p = ((Market) feature).population();
        return p == null ? 0 : (int) Math.min(p / 10, 999_999);
    }

    @Override
    public List<LegendItem> legend() {
        return List.of(
                new LegendItem("settlement < 10,000 people", settlement(DIAMETERS[0])),
                new LegendItem("10,000 – 100,000", settlement(DIAMETERS[1])),
                new LegendItem("100,000 – 1 million", settlement(DIAMETERS[2])),
                new LegendItem("≥ 1 million", settlement(DIAMETERS[3])),
                new LegendItem("marketplace", MARKETPLACE),
                new LegendItem("port", PORT),
                new LegendItem("airport", AIRPORT));
    }
}
