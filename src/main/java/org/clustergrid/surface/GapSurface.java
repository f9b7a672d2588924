package org.clustergrid.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.surface.Regions.Region;
import org.locationtech.jts.geom.Envelope;

/**
 * Travel time to the nearest regional market on one hexagon grid per {@link Regions region} of clusters, for one
 * data version. Creating it only groups the clusters (no travel time); a region's times are computed the first time
 * a map or a query reaches into it, then kept. Cost is bounded per call: a map computes at most
 * {@link #MAX_NEW_CELLS_PER_MAP} new cells, the regions that cover most of the map first; the regions beyond are
 * handed to a background executor and drawn by later maps once done (left blank meanwhile, never drawn as a time or
 * as "no data"). Kept times are bounded by {@link #MAX_KEPT_CELLS}, the least recently used region dropped first.
 * Thread-safe; a region is computed once even when several maps ask at the same time.
 */
public final class GapSurface {
    /** Two full regions' grids: about a second of snapping on two cores. */
    public static final int MAX_NEW_CELLS_PER_MAP = 2 * HexGrid.MAX_CELLS;
    /** About 20 MB of times and names: hundreds of small regions or 50 full ones. */
    public static final int MAX_KEPT_CELLS = 1_000_000;

    private final long dataVersion;
    private final ScoringEngine engine;
    private final List<Region> regions;
    private final Envelope extent = new Envelope();
    private final List<String> sourceDatasets;
    private final Executor background;
    private final int maxNewCells;
    private final Object[] locks;
    /** Computed regions by index, least recently used first. */
    private final LinkedHashMap<Integer, RegionTimes> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> queued = new LinkedHashSet<>();
    private long keptCells;
    private volatile boolean retired;

    private GapSurface(long dataVersion, ScoringEngine engine, List<Region> regions, List<String> sources,
            Executor background, int maxNewCells) {
        this.dataVersion = dataVersion;
        this.engine = engine;
        this.regions = regions;
        this.sourceDatasets = sources;
        this.background = background;
        this.maxNewCells = maxNewCells;
        this.locks = new Object[regions.size()];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        regions.forEach(r -> extent.expandToInclude(r.grid().extent()));
    }

    /**
     * The surface of the engine's data: no regions without clusters or without a regional market and roads
     * (nothing to measure from). Regions left over by a map are computed on {@code background}.
     */
    public static GapSurface of(ScoringEngine engine, Executor background) {
        return of(engine, background, MAX_NEW_CELLS_PER_MAP);
    }

    /** As {@link #of(ScoringEngine, Executor)} with another budget of new cells per map. */
    static GapSurface of(ScoringEngine engine, Executor background, int maxNewCellsPerMap) {
        ScoringData data = engine.data();
        if (data.clusters().isEmpty() || !engine.hasRegionalMarkets()) {
            return new GapSurface(data.dataVersion(), engine, List.of(), List.of(), background, maxNewCellsPerMap);
        }
        List<Envelope> boxes = data.clusters().stream().map(c -> c.feature().geometry().getEnvelopeInternal()).toList();
        Set<String> sources = new LinkedHashSet<>();
        for (List<StoredFeature> layer : List.of(data.roads(), data.markets())) {
            layer.forEach(f -> sources.add(f.datasetId()));
        }
        return new GapSurface(data.dataVersion(), engine, Regions.of(boxes), List.copyOf(sources), background,
                maxNewCellsPerMap);
    }

    public long dataVersion() {
        return dataVersion;
    }

    public boolean isEmpty() {
        return regions.isEmpty();
    }

    public List<Region> regions() {
        return regions;
    }

    /** The box of all regions' grids; null when there are none. */
    public Envelope extent() {
        return regions.isEmpty() ? null : new Envelope(extent);
    }

    /** The region whose grid holds a point, if any (grids do not overlap). */
    public Optional<Region> regionAt(double lon, double lat) {
        for (Region r : regions) {
            if (r.grid().extent().contains(lon, lat) && r.grid().at(lon, lat) >= 0) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A region's times, computed now if they are not kept (one grid: at most {@link HexGrid#MAX_CELLS} snaps). */
    public RegionTimes times(Region region) {
        RegionTimes t = kept(region);
        if (t != null) {
            return t;
        }
        synchronized (locks[region.index()]) {
            t = kept(region);
            if (t == null) {
                t = RegionTimes.compute(engine, region);
                keep(t);
            }
            return t;
        }
    }

    /**
     * The times of the regions whose grids reach into a box, as far as one map may compute: those kept, then new
     * ones by how much of the box they cover, up to {@link #MAX_NEW_CELLS_PER_MAP} cells (the first region always). The
     * rest go to the background executor and are missing from the answer.
     */
    public List<RegionTimes> within(Envelope lonLat) {
        List<RegionTimes> out = new ArrayList<>();
        List<Region> missing = new ArrayList<>();
        for (Region r : regions) {
            if (r.grid().extent().intersects(lonLat)) {
                RegionTimes t = kept(r);
                if (t != null) {
                    out.add(t);
                } else {
                    missing.add(r);
                }
            }
        }
        missing.sort(Comparator.comparingDouble((Region r) -> -covered(r, lonLat)).thenComparingInt(Region::index));
        int budget = maxNewCells;
        for (Region r : missing) {
            if (r.grid().size() <= budget || budget == maxNewCells) { // the first always, so every map shows some
                budget -= r.grid().size();
                out.add(times(r));
            } else {
                later(r);
            }
        }
        return out;
    }

    /** The share of a box a region's grid covers (in degrees², enough to rank regions within one box). */
    private static double covered(Region r, Envelope box) {
        Envelope shared = r.grid().extent().intersection(box);
        return shared.isNull() ? 0 : shared.getArea() / Math.max(box.getArea(), 1e-18);
    }

    private void later(Region r) {
        synchronized (kept) {
            if (!queued.add(r.index())) {
                return;
            }
        }
        background.execute(() -> {
            try {
                if (!retired) {
                    times(r);
                }
            } finally {
                synchronized (kept) {
                    queued.remove(r.index());
                }
            }
        });
    }

    /** Stops background work for this surface (the data moved on); maps already drawn are unaffected. */
    public void retire() {
        retired = true;
    }

    private RegionTimes kept(Region r) {
        synchronized (kept) {
            return kept.get(r.index());
        }
    }

    private void keep(RegionTimes t) {
        synchronized (kept) {
            kept.put(t.region().index(), t);
            keptCells += t.grid().size();
            var eldest = kept.entrySet().iterator();
            while (keptCells > MAX_KEPT_CELLS && kept.size() > 1) {
                Map.Entry<Integer, RegionTimes> e = eldest.next();
                keptCells -= e.getValue().grid().size();
                eldest.remove();
            }
        }
    }

    /** How many regions' times are kept now. */
    public int keptRegions() {
        synchronized (kept) {
            return kept.size();
        }
    }

    /** The road and market datasets the times come from. */
    public List<String> sourceDatasets() {
        return sourceDatasets;
    }
}
