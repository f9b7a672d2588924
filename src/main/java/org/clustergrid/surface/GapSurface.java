package org.clustergrid.surface;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.clustergrid.model.Market;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Travel time from each hexagon's centre to the nearest market of the scoring profile's regional tier, over the
 * roads, for a grid over the clusters (see {@link HexGrid} for its extent and cell size). Reuses the scoring
 * engine's one multi-source search from the regional markets: each centre is snapped to the network and read off
 * it, exactly as the markets indicator reads a cluster, so a cluster at a hexagon centre has that hexagon's time.
 * Cost: one snap per cell, in parallel. Immutable; computed once per data version.
 */
public final class GapSurface {
    private static final GeometryFactory GF = new GeometryFactory();

    private final long dataVersion;
    private final HexGrid grid;
    /** Minutes per cell; +∞ off the network (too far from a road, or no regional market reaches it). */
    private final double[] minutes;
    /** Nearest regional market's name per cell, null when unreachable. */
    private final String[] market;
    private final List<String> sourceDatasets;

    private GapSurface(long dataVersion, HexGrid grid, double[] minutes, String[] market, List<String> sources) {
        this.dataVersion = dataVersion;
        this.grid = grid;
        this.minutes = minutes;
        this.market = market;
        this.sourceDatasets = sources;
    }

    /**
     * The surface of the engine's data: empty without clusters, roads or a regional market (nothing to measure
     * from, or no gap to show between clusters).
     */
    public static GapSurface compute(ScoringEngine engine) {
        ScoringData data = engine.data();
        Envelope clusters = new Envelope();
        data.clusters().forEach(c -> clusters.expandToInclude(c.feature().geometry().getEnvelopeInternal()));
        if (clusters.isNull() || !engine.hasRegionalMarkets()) {
            return new GapSurface(data.dataVersion(), null, new double[0], new String[0], List.of());
        }
        HexGrid grid = HexGrid.covering(clusters, HexGrid.MAX_CELLS);
        double[] minutes = new double[grid.size()];
        String[] market = new String[grid.size()];
        IntStream.range(0, grid.size()).parallel().forEach(i -> {
            TravelTimes.Arrival a = engine.regionalMarketArrival(
                    GF.createPoint(new Coordinate(grid.centreLon(i), grid.centreLat(i))));
            minutes[i] = a.seconds() / 60;
            market[i] = a.reachable() ? ((Market) engine.regionalMarket(a.source()).feature()).name() : null;
        });
        Set<String> sources = new LinkedHashSet<>();
        for (List<StoredFeature> layer : List.of(data.roads(), data.markets())) {
            layer.forEach(f -> sources.add(f.datasetId()));
        }
        return new GapSurface(data.dataVersion(), grid, minutes, market, List.copyOf(new ArrayList<>(sources)));
    }

    public long dataVersion() {
        return dataVersion;
    }

    public boolean isEmpty() {
        return grid == null;
    }

    /** The grid; null when the surface is empty. */
    public HexGrid grid() {
        return grid;
    }

    /** Minutes from the nearest regional market to a cell's centre; +∞ off the network. */
    public double minutes(int cell) {
        return minutes[cell];
    }

    /** Name of the nearest regional market of a cell, null when none reaches it. */
    public String market(int cell) {
        return market[cell];
    }

    /** The road and market datasets the times come from. */
    public List<String> sourceDatasets() {
        return sourceDatasets;
    }
}
