package org.clustergrid.report;

import java.util.Locale;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology;
import org.clustergrid.scoring.Dimension;

/** The names a report gives dimensions, typologies and markets, as the web map names them. */
public final class Labels {
    private Labels() {}

    public static String dimension(Dimension d) {
        return switch (d) {
            case ROADS -> "Roads";
            case POWER -> "Electricity";
            case FINANCE -> "Finance";
            case MARKETS -> "Markets";
        };
    }

    /** The colour of a dimension's evidence, as on the web map (ColorBrewer Dark2). */
    public static String colour(Dimension d) {
        return switch (d) {
            case ROADS -> "#d95f02";
            case POWER -> "#7570b3";
            case FINANCE -> "#1b9e77";
            case MARKETS -> "#e7298a";
        };
    }

    /** A typology in words, "not known" for either part unknown. */
    public static String typology(Typology t) {
        String type = t.type() == null ? "type not known" : t.type().label();
        return t.setting() == null ? type : type + ", " + t.setting().name().toLowerCase(Locale.ROOT);
    }

    public static String typeGroup(Typology.ClusterType type) {
        return type == null ? "typology not known" : type.label();
    }

    public static String market(MarketScope m) {
        return m.name().toLowerCase(Locale.ROOT);
    }
}
