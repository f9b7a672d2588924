package org.clustergrid.report;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Symbol;
import org.locationtech.jts.geom.Envelope;

/**
 * The outlines on a regional map: a pale wash over the roads and the grid beneath (context, not the subject, so the
 * clusters stand out), the sub-regions thin and named, the region's own polygons bold and unfilled.
 */
final class RegionOutlineLayer extends ReportOverlay {
    private static final Color NONE = new Color(0, 0, 0, 0);
    private static final Symbol SUB_REGION = new Symbol.Fill(NONE, new Color(0x6b6b6b), 1.2f);
    private static final Symbol REGION = new Symbol.Fill(NONE, new Color(0x1d1d1b), 2.6f);
    private static final Symbol WASH = new Symbol.Fill(new Color(0xf4, 0xf2, 0xec, 120), null, 0);
    private static final org.locationtech.jts.geom.GeometryFactory GF = new org.locationtech.jts.geom.GeometryFactory();

    /** @param view the map's box: sub-regions away from it are left out */
    RegionOutlineLayer(RegionScope scope, RegionBreakdown breakdown, Envelope view) {
        super("region", "The region and its sub-regions");
        items.add(new Item("wash", GF.toGeometry(new Envelope(-180, 180, -85, 85)), WASH, Map.of()));
        if (breakdown != null) {
            for (ContextFeature f : breakdown.areas()) {
                if (f.geometry().getEnvelopeInternal().intersects(view)) {
                    Object name = breakdown.nameAttribute() == null ? null
                            : f.attributes().get(breakdown.nameAttribute());
                    items.add(new Item("sub-" + f.fid(), f.geometry(), SUB_REGION, Map.of(),
                            name == null ? null : name.toString()));
                }
            }
        }
        for (ContextFeature f : scope.areas()) {
            items.add(new Item("region-" + f.fid(), f.geometry(), REGION, Map.of()));
        }
    }

    @Override
    public List<LegendItem> legend() {
        return List.of(new LegendItem("region", REGION), new LegendItem("sub-region", SUB_REGION));
    }
}
