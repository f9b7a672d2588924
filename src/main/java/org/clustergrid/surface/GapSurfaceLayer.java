package org.clustergrid.surface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Palette;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Symbol.Fill;
import org.locationtech.jts.geom.Envelope;

/**
 * The gap surface as a map layer: each hexagon of the regions in view in its {@link MinuteClasses} colour, laid over
 * the map half transparent so roads and places show through. Hexagons keep their size and id at every zoom (a region's
 * grid is fixed), so GetFeatureInfo names the hexagon a map shows. Reads the surface of the current data from a
 * supplier, so this package needs no server.
 */
public final class GapSurfaceLayer implements Surface {
    public static final String NAME = "gap_surface";
    static final float OPACITY = 0.55f;

    private final Supplier<GapSurface> surfaces;

    public GapSurfaceLayer(Supplier<GapSurface> surfaces) {
        this.surfaces = surfaces;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Travel time to the nearest regional market";
    }

    @Override
    public String description() {
        return "Hexagons over each region of clusters (clusters within " + (int) (Regions.LINK_METRES / 1000)
                + " km of one another) and a margin around it (a tenth of its larger side, at least 5 km), each region"
                + " with hexagons sized to its own extent (at most " + HexGrid.MAX_CELLS + " a region, none narrower"
                + " than " + (int) HexGrid.MIN_SIDE_METRES + " m a side). Each is coloured by the road-network travel"
                + " time from its centre to the nearest market of the scoring profile's regional tier, as the markets"
                + " indicator measures it for a cluster: under 15, 15-30, 30-60, 60-120 and 120 minutes or more, or no"
                + " data where the imported roads do not reach (no road within 50 km, or no regional market on them)."
                + " A map computes at most " + GapSurface.MAX_NEW_CELLS_PER_MAP + " new hexagons and shows at most "
                + GapSurface.MAX_SHOWN_CELLS_PER_MAP + ", the regions covering most of it first; new regions beyond"
                + " are computed in the background, and all beyond are left blank in that map.";
    }

    @Override
    public List<String> keywords() {
        return List.of("accessibility", "travel time", "market access", "hexagon grid");
    }

    @Override
    public Envelope extent() {
        return surfaces.get().extent();
    }

    @Override
    public float opacity() {
        return OPACITY;
    }

    @Override
    public List<Cell> cells(Envelope lonLat) {
        List<Cell> out = new ArrayList<>();
        for (RegionTimes t : surfaces.get().within(lonLat)) {
            for (int i : t.grid().within(lonLat)) {
                out.add(cell(t, i));
            }
        }
        return out;
    }

    @Override
    public Optional<Cell> cellAt(double lon, double lat) {
        GapSurface s = surfaces.get();
        return s.regionAt(lon, lat).map(r -> {
            RegionTimes t = s.times(r);
            return cell(t, t.grid().at(lon, lat));
        });
    }

    /** A cell's id: its region and its place in the region's grid, e.g. {@code r2.hex-14-27}. */
    static String id(RegionTimes t, int i) {
        return t.region().id() + "." + t.grid().id(i);
    }

    private static Cell cell(RegionTimes t, int i) {
        HexGrid g = t.grid();
        double minutes = t.minutes(i);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hexagon", id(t, i));
        p.put("region", t.region().id());
        p.put("minutes", Double.isFinite(minutes) ? Math.round(minutes * 10) / 10.0 : null);
        p.put("class", MinuteClasses.label(minutes));
        p.put("nearest_market", t.market(i));
        p.put("centre_lon", Math.round(g.centreLon(i) * 1e6) / 1e6);
        p.put("centre_lat", Math.round(g.centreLat(i) * 1e6) / 1e6);
        p.put("hexagon_side_m", g.sideMetres());
        return new Cell(id(t, i), g.polygon(i), MinuteClasses.colour(minutes), p);
    }

    @Override
    public List<String> sourceDatasets() {
        return surfaces.get().sourceDatasets();
    }

    @Override
    public List<LegendItem> legend() {
        int alpha = Math.round(OPACITY * 255);
        List<LegendItem> items = new ArrayList<>();
        for (int k = 0; k < MinuteClasses.COLOURS.length; k++) {
            items.add(new LegendItem(MinuteClasses.LABELS[k],
                    new Fill(Palette.alpha(MinuteClasses.COLOURS[k], alpha), null, 0)));
        }
        items.add(new LegendItem(MinuteClasses.NO_DATA_LABEL,
                new Fill(Palette.alpha(MinuteClasses.NO_DATA, alpha), null, 0)));
        return items;
    }
}
