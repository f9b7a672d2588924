package org.clustergrid.surface;

import java.util.stream.IntStream;
import org.clustergrid.model.Market;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.surface.Regions.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Travel time from each hexagon centre of one region's grid to the nearest market of the profile's regional tier.
 * Reads the scoring engine's one multi-source search from the regional markets: each centre is snapped to the
 * network and read off it, exactly as the markets indicator reads a cluster, so a cluster at a hexagon centre has
 * that hexagon's time. Cost: one snap per cell (at most {@link HexGrid#MAX_CELLS}), in parallel. Immutable.
 */
public final class RegionTimes {
    private static final GeometryFactory GF = new GeometryFactory();

    private final Region region;
    /** Minutes per cell; +∞ where no time is known (no road within reach, or none a regional market reaches). */
    private final double[] minutes;
    /** Nearest regional market's name per cell, null where no time is known. */
    private final String[] market;

    private RegionTimes(Region region, double[] minutes, String[] market) {
        this.region = region;
        this.minutes = minutes;
        this.market = market;
    }

    static RegionTimes compute(ScoringEngine engine, Region region) {
        HexGrid grid = region.grid();
        double[] minutes = new double[grid.size()];
        String[] market = new String[grid.size()];
        IntStream.range(0, grid.size()).parallel().forEach(i -> {
            TravelTimes.Arrival a = engine.regionalMarketArrival(
                    GF.createPoint(new Coordinate(grid.centreLon(i), grid.centreLat(i))));
            minutes[i] = a.reachable() ? a.seconds() / 60 : Double.POSITIVE_INFINITY;
            market[i] = a.reachable() ? ((Market) engine.regionalMarket(a.source()).feature()).name() : null;
        });
        return new RegionTimes(region, minutes, market);
    }

    public Region region() {
        return region;
    }

    public HexGrid grid() {
        return region.grid();
    }

    /** Minutes from the nearest regional market to a cell's centre; +∞ where no time is known ("no data"). */
    public double minutes(int cell) {
        return minutes[cell];
    }

    /** Name of the nearest regional market of a cell, null where no time is known. */
    public String market(int cell) {
        return market[cell];
    }

    /** How many cells have a time. */
    public int cellsWithTime() {
        int n = 0;
        for (double m : minutes) {
            n += Double.isFinite(m) ? 1 : 0;
        }
        return n;
    }
}
