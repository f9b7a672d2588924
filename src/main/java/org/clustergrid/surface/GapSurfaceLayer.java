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
 * The gap surface as a map layer: each hexagon in its {@link MinuteClasses} colour, laid over the map half
 * transparent so roads and places show through. Reads the surface of the current data from a supplier, so this
 * package needs no server.
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
        return "Hexagons over the clusters and a margin around them (a tenth of the larger side, at least 5 km), each"
                + " coloured by the road-network travel time from its centre to the nearest market of the scoring"
                + " profile's regional tier, as the markets indicator measures it for a cluster: under 15, 15-30,"
                + " 30-60, 60-120 and 120 minutes or more, or off the road network. At most "
                + HexGrid.MAX_CELLS + " hexagons, none narrower than " + (int) HexGrid.MIN_SIDE_METRES + " m a side.";
    }

    @Override
    public List<String> keywords() {
        return List.of("accessibility", "travel time", "market access", "hexagon grid");
    }

    @Override
    public Envelope extent() {
        GapSurface s = surfaces.get();
        return s.isEmpty() ? null : s.grid().extent();
    }

    @Override
    public float opacity() {
        return OPACITY;
    }

    @Override
    public List<Cell> cells(Envelope lonLat) {
        GapSurface s = surfaces.get();
        if (s.isEmpty()) {
            return List.of();
        }
        int[] ids = s.grid().within(lonLat);
        List<Cell> out = new ArrayList<>(ids.length);
        for (int i : ids) {
            out.add(cell(s, i));
        }
        return out;
    }

    @Override
    public Optional<Cell> cellAt(double lon, double lat) {
        GapSurface s = surfaces.get();
        int i = s.isEmpty() ? -1 : s.grid().at(lon, lat);
        return i < 0 ? Optional.empty() : Optional.of(cell(s, i));
    }

    private static Cell cell(GapSurface s, int i) {
        HexGrid g = s.grid();
        double minutes = s.minutes(i);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hexagon", g.id(i));
        p.put("minutes", Double.isFinite(minutes) ? Math.round(minutes * 10) / 10.0 : null);
        p.put("class", MinuteClasses.label(minutes));
        p.put("nearest_market", s.market(i));
        p.put("centre_lon", Math.round(g.centreLon(i) * 1e6) / 1e6);
        p.put("centre_lat", Math.round(g.centreLat(i) * 1e6) / 1e6);
        p.put("hexagon_side_m", g.sideMetres());
        return new Cell(g.id(i), g.polygon(i), MinuteClasses.colour(minutes), p);
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
        items.add(new LegendItem(MinuteClasses.OFF_NETWORK_LABEL,
                new Fill(Palette.alpha(MinuteClasses.OFF_NETWORK, alpha), null, 0)));
        return items;
    }
}
