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
 * a map or a query reaches into it, then kept. Cost is bounded per call: a map takes the regions that cover most of
 * it first, computes at most {@link #MAX_NEW_CELLS_PER_MAP} new cells (at least one region) and shows at most
 * {@link #MAX_SHOWN_CELLS_PER_MAP}. New regions past the first bound go to a background executor (up to half the
 * kept cells at a time) and are drawn by later maps once done; regions past the second are left out until a map
 * shows fewer. Either way they are blank, never drawn as a time or as "no data". Kept times are bounded by
 * {@link #MAX_KEPT_CELLS}, the least recently used region dropped first. Thread-safe; a region is computed once even
 * when several maps ask for it at the same time.
 */
public final class GapSurface {
    /** Two full regions' grids: well under a second of snapping on two cores (see src/bench). */
    public static final int MAX_NEW_CELLS_PER_MAP = 2 * HexGrid.MAX_CELLS;
    /** Drawn in a second or two; a world map of more regions than this shows those covering most of it. */
    public static final int MAX_SHOWN_CELLS_PER_MAP = 200_000;
    /** About 20 MB of times and names: hundreds of small regions or 50 full ones. */
    public static final int MAX_KEPT_CELLS = 1_000_000;

    private final long dataVersion;
    private final ScoringEngine engine;
    private final List<Region> regions;
    private final Envelope extent = new Envelope();
    private final List<String> sourceDatasets;
    private final Executor background;
    private final Limits limits;
    private final Object[] locks;
    /** Computed regions by index, least recently used first. */
    private final LinkedHashMap<Integer, RegionTimes> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> queued = new LinkedHashSet<>();
    private long queuedCells;
    private long keptCells;
    private volatile boolean retired;

    private GapSurface(long dataVersion, ScoringEngine engine, List<Region> regions, List<String> sources,
            Executor background, Limits limits) {
        this.dataVersion = dataVersion;
        this.engine = engine;
        this.regions = regions;
        this.sourceDatasets = sources;
        this.background = background;
        this.limits = limits;
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
        return of(engine, background, Limits.DEFAULT);
    }

    /** How many cells one map may compute anew and show, and how many are kept. */
    record Limits(int newCellsPerMap, int shownCellsPerMap, int keptCells) {
        static final Limits DEFAULT = new Limits(MAX_NEW_CELLS_PER_MAP, MAX_SHOWN_CELLS_PER_MAP, MAX_KEPT_CELLS);
    }

    /** As {@link #of(ScoringEngine, Executor)} with other limits per map. */
    static GapSurface of(ScoringEngine engine, Executor background, Limits limits) {
        ScoringData data = engine.data();
        if (data.clusters().isEmpty() || !engine.hasRegionalMarkets()) {
            return new GapSurface(data.dataVersion(), engine, List.of(), List.of(), background, limits);
        }
        List<Envelope> boxes = data.clusters().stream().map(c -> c.feature().geometry().getEnvelopeInternal()).toList();
        Set<String> sources = new LinkedHashSet<>();
        for (List<StoredFeature> layer : List.of(data.roads(), data.markets())) {
            layer.forEach(f -> sources.add(f.datasetId()));
        }
        return new GapSurface(data.dataVersion(), engine, Regions.of(boxes), List.copyOf(sources), background,
                limits);
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
     * The times of the regions whose grids reach into a box, as far as one map may go: regions by how much of the box
     * they cover, kept ones as they are and new ones computed up to {@link #MAX_NEW_CELLS_PER_MAP} cells, until the
     * regions taken hold {@link #MAX_SHOWN_CELLS_PER_MAP} cells (the first region always). New regions past the
     * first budget go to the background executor; regions past the second are left out. Both are missing from the
     * answer.
     */
    public List<RegionTimes> within(Envelope lonLat) {
        List<Region> meeting = new ArrayList<>();
        for (Region r : regions) {
            if (r.grid().extent().intersects(lonLat)) {
                meeting.add(r);
            }
        }
        meeting.sort(Comparator.comparingDouble((Region r) -> -covered(r, lonLat)).thenComparingInt(Region::index));
        List<RegionTimes> out = new ArrayList<>();
        int fresh = 0;
        long shown = 0;
        for (Region r : meeting) {
            int size = r.grid().size();
            if (!out.isEmpty() && shown + size > limits.shownCellsPerMap()) {
                break;
            }
            RegionTimes t = kept(r);
            if (t == null && (fresh == 0 || fresh + size <= limits.newCellsPerMap())) {
                fresh += size;
                t = times(r);
            }
            if (t != null) {
                out.add(t);
                shown += size;
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

    /**
     * Queues a region for the background, unless it is queued already or the queue holds half the kept cells: more
     * would only push out regions computed for it before it is drawn.
     */
    private void later(Region r) {
        synchronized (kept) {
            if (queued.contains(r.index()) || queuedCells + r.grid().size() > limits.keptCells() / 2) {
                return;
            }
            queued.add(r.index());
            queuedCells += r.grid().size();
        }
        background.execute(() -> {
            try {
                if (!retired) {
                    times(r);
                }
            } finally {
                synchronized (kept) {
                    queued.remove(r.index());
                    queuedCells -= r.grid().size();
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
            while (keptCells > limits.keptCells() && kept.size() > 1) {
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
