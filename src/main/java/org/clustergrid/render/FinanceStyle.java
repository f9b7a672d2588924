package org.clustergrid.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;

/** Finance access points by type, in the Okabe–Ito palette; banks larger than the rest. */
public final class FinanceStyle implements Style {
    static Marker marker(FinanceType type) {
        Color c = switch (type) {
            case BANK -> Palette.BLUE;
            case ATM -> Palette.SKY_BLUE;
            case CREDIT_COOPERATIVE -> Palette.BLUISH_GREEN;
            case MICROFINANCE -> Palette.ORANGE;
            case MOBILE_MONEY_AGENT -> Palette.REDDISH_PURPLE;
            case BUREAU_DE_CHANGE -> Palette.YELLOW;
            case INFORMAL_CREDIT -> Palette.VERMILLION;
        };
        MarkerShape shape = type == FinanceType.ATM ? MarkerShape.SQUARE
                : type == FinanceType.INFORMAL_CREDIT ? MarkerShape.TRIANGLE : MarkerShape.DIAMOND;
        return new Marker(shape, type == FinanceType.BANK ? 11 : 9, c, Palette.DARK_GREY, 1f);
    }

    @Override
    public Layer layer() {
        return Layer.FINANCE;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String title() {
        return "Finance access points by type";
    }

    @Override
    public Symbol symbol(LayerFeature feature) {
        return marker(((FinancePoint) feature).type());
    }

    @Override
    public int order(LayerFeature feature) {
        return ((FinancePoint) feature).type() == FinanceType.BANK ? 1 : 0;
    }

    @Override
    public List<LegendItem> legend() {
        List<LegendItem> items = new ArrayList<>();
        for (FinanceType t : FinanceType.values()) {
            items.add(new LegendItem(t.name().toLowerCase(Locale.ROOT).replace('_', ' '), marker(t)));
        }
        return items;
    }
}
