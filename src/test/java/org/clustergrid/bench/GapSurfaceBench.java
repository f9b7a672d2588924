package org.clustergrid.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.model.Typology;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.surface.GapSurface;
import org.clustergrid.surface.HexGrid;
import org.clustergrid.surface.RegionTimes;
import org.clustergrid.surface.Regions.Region;
import org.clustergrid.testing.DefaultProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The gap surface's computing cost, in process, on one scoring engine (built outside the timings): roads everywhere
 * a region is (the Pokhara extract tiled by whole degrees, see {@link ScaledRegion}, with its 41 OSM clusters in
 * every tile, and the towns of every tile plus GeoNames cities500), plus the 13 literature clusters on four
 * continents. Times, as the median of fresh surfaces: one grid over all clusters with every hexagon's time (the
 * surface before regions), and per region: grouping, the first world map's times, the first city map's times.
 * Arguments: shared gis folder, tilesX, tilesY, repeats.
 */
public final class GapSurfaceBench {
    private static final GeometryFactory GF = new GeometryFactory();
    /** The literature register's anchor towns (cluster id, lon, lat), as in clusters_literature_geonames.csv. */
    private static final Object[][] LITERATURE = {{"tiruppur", 77.35456, 11.11541},
        {"coimbatore", 76.96612, 11.00555}, {"agra", 78.01667, 27.18333}, {"ludhiana", 75.85379, 30.91204},
        {"sialkot", 74.53134, 32.49268}, {"novo_hamburgo", -51.13056, -29.67833}, {"guadalajara", -103.39182, 20.66682},
        {"nnewi", 6.91729, 6.01962}, {"nairobi", 36.81667, -1.28333}, {"kisumu", 34.76171, -0.10221},
        {"lima", -77.02824, -12.04318}, {"jepara", 110.671, -6.5924}, {"kumasi", -1.62443, 6.68848}};

    private GapSurfaceBench() {}

    public static void main(String[] args) throws Exception {
        Path gis = Path.of(args[0]);
        int tx = Integer.parseInt(args[1]);
        int ty = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        Path pbf = gis.resolve("pokhara-osm/pokhara-2016-06-04.osm.pbf");
        List<Road> roads = ScaledRegion.roads(pbf, tx, ty);
        List<StoredFeature> clusters = new ArrayList<>();
        for (Cluster c : ScaledRegion.clusters(pbf, roads, tx, ty, 41 * tx * ty, 42)) {
            clusters.add(new StoredFeature("bench", c.withClusterGridId("CG-XX-" + clusters.size())));
        }
        for (Object[] t : LITERATURE) {
            clusters.add(new StoredFeature("literature", new Cluster("CG-LIT-" + t[0], (String) t[0], (String) t[0],
                    null, null, Typology.UNKNOWN, null, null, Set.of(),
                    GF.createPoint(new Coordinate((double) t[1], (double) t[2])), "bench", Map.of())));
        }
        ScoringData data = new ScoringData(1, clusters, stored(roads), List.of(), List.of(),
                stored(ScaledRegion.towns(pbf, gis.resolve("geonames/cities500.txt.gz"), tx, ty)));
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        System.out.printf(Locale.ROOT, "data: %d clusters, %d roads (%d segments, %d×%d tiles), %d towns; engine %.1f s%n",
                clusters.size(), roads.size(), ScaledRegion.segmentCount(roads), tx, ty, data.markets().size(),
                engine.buildSeconds());

        Envelope all = new Envelope();
        clusters.forEach(c -> all.expandToInclude(c.feature().geometry().getEnvelopeInternal()));
        HexGrid one = HexGrid.covering(all, HexGrid.MAX_CELLS);
        double[] before = new double[repeats];
        int[] withTime = new int[1];
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            withTime[0] = (int) IntStream.range(0, one.size()).parallel().filter(i -> engine.regionalMarketArrival(
                    GF.createPoint(new Coordinate(one.centreLon(i), one.centreLat(i)))).reachable()).count();
            before[r] = (System.nanoTime() - s) / 1e9;
        }
        System.out.printf(Locale.ROOT, "one grid over all clusters: %d hexagons of %.0f m, %d with a time;"
                + " all times %.2f s (median of %d)%n", one.size(), one.sideMetres(), withTime[0], median(before), repeats);

        Envelope world = new Envelope(-180, 180, -85, 85);
        // a city view: the first tile's Pokhara, as the serving benchmark's boxes
        Envelope city = new Envelope(83.85, 84.05, 28.15, 28.3);
        double[] group = new double[repeats];
        double[] worldMap = new double[repeats];
        double[] cityMap = new double[repeats];
        int[] worldCells = new int[1];
        int[] cityCells = new int[1];
        GapSurface last = null;
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            GapSurface surface = GapSurface.of(engine, task -> { });
            group[r] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            worldCells[0] = surface.within(world).stream().mapToInt(t -> t.grid().size()).sum();
            worldMap[r] = (System.nanoTime() - s) / 1e9;
            GapSurface fresh = GapSurface.of(engine, task -> { });
            s = System.nanoTime();
            cityCells[0] = fresh.within(city).stream().mapToInt(t -> t.grid().size()).sum();
            cityMap[r] = (System.nanoTime() - s) / 1e9;
            last = surface;
        }
        System.out.printf(Locale.ROOT, "per region: %d regions grouped in %.3f s; first world map computes %d hexagons"
                + " in %.2f s (the rest queued); first city map %d hexagons in %.2f s (medians of %d)%n",
                last.regions().size(), median(group), worldCells[0], median(worldMap), cityCells[0], median(cityMap),
                repeats);
        int total = 0;
        for (Region region : last.regions()) {
            RegionTimes t = last.times(region);
            total += region.grid().size();
            System.out.printf(Locale.ROOT, "  %s: %d clusters, %d hexagons of %.0f m, %d with a time, around %.2f %.2f%n",
                    region.id(), region.clusterCount(), region.grid().size(), region.grid().sideMetres(),
                    t.cellsWithTime(), region.clusters().centre().x, region.clusters().centre().y);
        }
        System.out.printf(Locale.ROOT, "all regions: %d hexagons%n", total);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static List<StoredFeature> stored(List<? extends LayerFeature> features) {
        return features.stream().map(f -> new StoredFeature("bench", f)).toList();
    }
}
