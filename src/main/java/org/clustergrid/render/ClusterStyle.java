package org.clustergrid.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;

/** Clusters coloured by typology; points as circles graduated by employment, footprints as tinted areas. */
public final class ClusterStyle implements Style {
    /** Upper bounds of the employment classes and their circle diameters in pixels (last class is open). */
    static final int[] EMPLOYMENT_BOUNDS = {1_000, 5_000, 20_000};
    static final float[] DIAMETERS = {8, 12, 17, 23};
    static final float UNKNOWN_SIZE_DIAMETER = 9;
    /** Cluster names are shown when a pixel covers less than this many metres. */
    static final double LABEL_MAX_METRES_PER_PIXEL = 250;

    @Override
    public Layer layer() {
        return Layer.CLUSTERS;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String title() {
        return "Clusters by typology and employment";
    }

    static Color colour(ClusterType type) {
        if (type == null) {
            return Palette.GREY;
        }
        return switch (type) {
            case HIGH_TECH_KNOWLEDGE -> Palette.BLUE;
            case DYNAMIC_EXPORT -> Palette.VERMILLION;
            case LOW_TECH_DOMESTIC -> Palette.ORANGE;
            case ARTISANAL_CRAFT -> Palette.REDDISH_PURPLE;
            case SERVICE_BASED -> Palette.BLUISH_GREEN;
        };
    }

    static float diameter(Integer employment) {
        if (employment == null) {
            return UNKNOWN_SIZE_DIAMETER;
        }
        for (int i = 0; i < EMPLOYMENT_BOUNDS.length; i++) {
            if (employment < EMPLOYMENT_BOUNDS[i]) {
                return DIAMETERS[i];
            }
        }
        return DIAMETERS[DIAMETERS.length - 1];
    }

    @Override
    public Symbol symbol(LayerFeature feature) {
        Cluster c = (Cluster) feature;
        Color colour = colour(c.typology().type());
        if (c.footprint().getDimension() == 2) {
            return new Fill(Palette.alpha(colour, 110), colour.darker(), 1.5f);
        }
        return new Marker(MarkerShape.CIRCLE, diameter(c.size()), Palette.alpha(colour, 220), Palette.WHITE, 1.2f);
    }

    @Override
    public int order(LayerFeature feature) {
        // small clusters on top of large ones, so none is hidden
        Integer size = ((Cluster) feature).size();
        return size == null ? 0 : -size;
    }

    @Override
    public String label(LayerFeature feature, double metresPerPixel) {
        return metresPerPixel <= LABEL_MAX_METRES_PER_PIXEL ? ((Cluster) feature).name() : null;
    }

    @Override
    public int labelPriority(LayerFeature feature) {
        Integer size = ((Cluster) feature).size();
        return 1_000_000 + (size == null ? 0 : Math.min(size, 999_999));
    }

    @Override
    public List<LegendItem> legend() {
        List<LegendItem> items = new ArrayList<>();
        for (ClusterType t : ClusterType.values()) {
            items.add(new LegendItem(t.label(),
                    new Marker(MarkerShape.CIRCLE, 12, Palette.alpha(colour(t), 220), Palette.WHITE, 1.2f)));
        }
        items.add(new LegendItem("typology unknown",
                new Marker(MarkerShape.CIRCLE, 12, Palette.alpha(Palette.GREY, 220), Palette.WHITE, 1.2f)));
        String[] sizes = {"< 1,000 workers", "1,000 – 5,000", "5,000 – 20,000", "≥ 20,000"};
        for (int i = 0; i < sizes.length; i++) {
            items.add(new LegendItem(sizes[i],
                    new Marker(MarkerShape.CIRCLE, DIAMETERS[i], Palette.alpha(Palette.GREY, 220), Palette.WHITE, 1.2f)));
        }
        items.add(new LegendItem("cluster area", new Fill(Palette.alpha(Palette.GREY, 110), Palette.GREY.darker(), 1.5f)));
        return items;
    }
}
