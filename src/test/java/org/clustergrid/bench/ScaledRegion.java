package org.clustergrid.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.ingest.mapping.FeatureMapper;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.ingest.shapefile.ShapefileReader;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The benchmark region shared by the nearest-feature and routing benchmarks: the real Pokhara extract tiled by
 * whole-degree translations. Tile (i, j) is every feature of the file shifted by (+i°, +j°), for i in [0, tilesX) and
 * j in [0, tilesY); the file spans 0.39° × 0.39°, so tiles never overlap, and each tile's network is the real one.
 * Ids get the suffix {@code @i,j}. Other layers are brought onto the tiled region by whole-degree moves too (see
 * each method), so distances inside a degree cell keep their real-world shape.
 */
public final class ScaledRegion {
    /** South-west corner (whole degrees) of the degree cell holding the Pokhara extract (83.749–84.143 E, 28.077–28.466 N). */
    public static final int BASE_LON = 83;
    public static final int BASE_LAT = 28;

    private ScaledRegion() {}

    /** Every feature of the Pokhara extract, clusters from OSM included (landuse=industrial, craft=*). */
    public static List<LayerFeature> pokhara(Path pbf) throws IOException {
        List<LayerFeature> all = new ArrayList<>();
        ImportReport report = new ImportReport();
        OsmPbfReader.read(pbf, OsmImportOptions.withClusters(), report, all::add);
        if (report.hasErrors()) {
            throw new IOException(report.summary());
        }
        return all;
    }

    /** Tiles (tilesX, tilesY), as square as possible, needed for at least {@code minSegments} road segments. */
    public static int[] tilesFor(Path pbf, long minSegments) throws IOException {
        long perTile = segmentCount(roads(pbf, 1, 1));
        int tiles = (int) ((minSegments + perTile - 1) / perTile);
        int x = (int) Math.ceil(Math.sqrt(tiles));
        return new int[] {x, (tiles + x - 1) / x};
    }

    /** The file's roads (all highway=* ways) in every tile. */
    public static List<Road> roads(Path pbf, int tilesX, int tilesY) throws IOException {
        List<Road> base = of(pokhara(pbf), Road.class, r -> true);
        List<Road> out = new ArrayList<>(base.size() * tilesX * tilesY);
        forTiles(tilesX, tilesY, (i, j, t) -> {
            for (Road r : base) {
                out.add(new Road(r.id() + tile(i, j), r.roadClass(), r.surface(), r.paving(), r.allSeason(),
                        r.motorable(), r.name(), r.ref(), t.transform(r.geometry()), r.attributes()));
            }
        });
        return out;
    }

    /** The file's power lines (line, minor_line, cable) in every tile. */
    public static List<PowerFeature> powerLines(Path pbf, int tilesX, int tilesY) throws IOException {
        List<PowerFeature> base = of(pokhara(pbf), PowerFeature.class, p -> p.kind().isLinear());
        List<PowerFeature> out = new ArrayList<>();
        forTiles(tilesX, tilesY, (i, j, t) -> {
            for (PowerFeature p : base) {
                out.add(new PowerFeature(p.id() + tile(i, j), p.kind(), p.name(), p.voltages(), p.capacityMw(),
                        p.supplyHours(), t.transform(p.geometry()), p.attributes()));
            }
        });
        return out;
    }

    /**
     * Finance points: the file's own in every tile, plus India's PMGSY bank / credit / ATM points (47,629, read with
     * {@code pmgsy-facilities.yaml}) in as many copies as needed to reach {@code minCount}. Copy k of a point at
     * (x, y) goes to (BASE_LON + (⌊x⌋ + k) mod tilesX + frac(x), BASE_LAT + ⌊y⌋ mod tilesY + frac(y)): a
     * whole-degree move into the tiled region's degree cells keeping its position inside its own cell.
     */
    public static List<FinancePoint> financePoints(Path pbf, Path pmgsyFacilitiesDir, Path mapping, int tilesX,
            int tilesY, int minCount) throws IOException {
        List<FinancePoint> base = of(pokhara(pbf), FinancePoint.class, f -> true);
        List<FinancePoint> out = new ArrayList<>();
        forTiles(tilesX, tilesY, (i, j, t) -> {
            for (FinancePoint f : base) {
                out.add(withPoint(f, f.id() + tile(i, j), (Point) t.transform(f.geometry())));
            }
        });
        List<FinancePoint> pmgsy = pmgsyFinance(pmgsyFacilitiesDir, mapping);
        for (int k = 0; out.size() < minCount; k++) {
            for (FinancePoint f : pmgsy) {
                Coordinate c = f.geometry().getCoordinate();
                double fx = Math.floor(c.x);
                double fy = Math.floor(c.y);
                double x = BASE_LON + Math.floorMod((int) fx + k, tilesX) + (c.x - fx);
                double y = BASE_LAT + Math.floorMod((int) fy, tilesY) + (c.y - fy);
                out.add(withPoint(f, f.id() + "#" + k, GF.createPoint(new Coordinate(x, y))));
            }
        }
        return out;
    }

    /** The PMGSY register's finance points as read (India, unmoved). */
    public static List<FinancePoint> pmgsyFinance(Path facilitiesDir, Path mapping) throws IOException {
        FeatureMapper mapper = new FeatureMapper(Mapping.read(mapping), new ImportReport(true));
        List<FinancePoint> out = new ArrayList<>();
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(facilitiesDir, "*.zip")) {
            List<Path> sorted = new ArrayList<>();
            zips.forEach(sorted::add);
            sorted.sort(null);
            for (Path zip : sorted) {
                ShapefileReader.read(zip, new ImportReport(true), s -> {
                    if (mapper.map(s) instanceof FinancePoint f) {
                        out.add(f);
                    }
                });
            }
        }
        return out;
    }

    /**
     * Towns: GeoNames cities500 as they are (the real world, 199,568 places) plus the file's places
     * (place=city/town/village) in every tile.
     */
    public static List<Market> towns(Path pbf, Path cities500, int tilesX, int tilesY) throws IOException {
        List<Market> base = of(pokhara(pbf), Market.class, ScaledRegion::isTown);
        List<Market> out = new ArrayList<>();
        GeoNamesReader.read(cities500, GeoNamesReader.Filter.ALL, new ImportReport(true), out::add);
        forTiles(tilesX, tilesY, (i, j, t) -> {
            for (Market m : base) {
                out.add(new Market(m.id() + tile(i, j), m.kind(), m.name(), m.population(),
                        (Point) t.transform(m.geometry()), m.attributes()));
            }
        });
        return out;
    }

    /**
     * {@code count} clusters: the file's 41 OSM clusters (18 landuse=industrial, 23 craft=*; 26 of them polygons) in
     * every tile, then seeded points near the tiled roads (a random vertex of a random road moved by up to ±0.02° in each axis).
     */
    public static List<Cluster> clusters(Path pbf, List<Road> tiledRoads, int tilesX, int tilesY, int count, long seed)
            throws IOException {
        List<Cluster> base = of(pokhara(pbf), Cluster.class, c -> true);
        List<Cluster> out = new ArrayList<>();
        forTiles(tilesX, tilesY, (i, j, t) -> {
            for (Cluster c : base) {
                if (out.size() < count) {
                    out.add(cluster(c.sourceId() + tile(i, j), t.transform(c.geometry())));
                }
            }
        });
        Random random = new Random(seed);
        while (out.size() < count) {
            Coordinate[] cs = tiledRoads.get(random.nextInt(tiledRoads.size())).geometry().getCoordinates();
            Coordinate v = cs[random.nextInt(cs.length)];
            double x = v.x + (random.nextDouble() * 2 - 1) * 0.02;
            double y = v.y + (random.nextDouble() * 2 - 1) * 0.02;
            out.add(cluster("seeded-" + out.size(), GF.createPoint(new Coordinate(x, y))));
        }
        return out;
    }

    /** Road segments (consecutive vertex pairs) of the features' lines. */
    public static long segmentCount(Collection<? extends LayerFeature> features) {
        long n = 0;
        for (LayerFeature f : features) {
            Geometry g = f.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                n += Math.max(0, g.getGeometryN(i).getNumPoints() - 1);
            }
        }
        return n;
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private static Cluster cluster(String id, Geometry g) {
        return new Cluster(null, id, null, null, null, null, null, null, null, g, "benchmark", null);
    }

    private static FinancePoint withPoint(FinancePoint f, String id, Point p) {
        return new FinancePoint(id, f.type(), f.name(), f.operator(), p, f.attributes());
    }

    private static boolean isTown(Market m) {
        return m.kind() == Market.MarketKind.CITY || m.kind() == Market.MarketKind.TOWN
                || m.kind() == Market.MarketKind.VILLAGE;
    }

    private static String tile(int i, int j) {
        return "@" + i + "," + j;
    }

    private static <T> List<T> of(List<LayerFeature> all, Class<T> type, Predicate<T> keep) {
        return all.stream().filter(type::isInstance).map(type::cast).filter(keep).toList();
    }

    private interface TileAction {
        void apply(int i, int j, AffineTransformation translation);
    }

    private static void forTiles(int tilesX, int tilesY, TileAction action) {
        for (int j = 0; j < tilesY; j++) {
            for (int i = 0; i < tilesX; i++) {
                action.apply(i, j, AffineTransformation.translationInstance(i, j));
            }
        }
    }

    /**
     * The scoring benchmarks' region as scoring data: {@code tx} × {@code ty} tiles of the Pokhara roads and power
     * lines, {@code count} clusters with seeded sizes (employment 20–5,000, log-uniform, so every cluster has a priority
     * and a rank), the PMGSY finance points spread over the tiles (100,000) and GeoNames cities500 plus the tiled
     * places as towns; printed as one line with the time it took.
     */
    public static ScoringData scoringData(Path gis, int tx, int ty, int count)
            throws Exception {
        long t0 = System.nanoTime();
        Path pbf = gis.resolve("pokhara-osm/pokhara-2016-06-04.osm.pbf");
        List<Road> roads = roads(pbf, tx, ty);
        List<StoredFeature> clusters = new ArrayList<>();
        Random sizes = new Random(7);
        int n = 0;
        for (Cluster c : clusters(pbf, roads, tx, ty, count, 42)) {
            int employment = (int) Math.round(Math.exp(Math.log(20) + sizes.nextDouble() * Math.log(250)));
            Cluster sized = new Cluster(String.format(java.util.Locale.ROOT, "CG-XX-%06d", ++n), c.sourceId(),
                    c.name(), c.sector(), c.products(), c.typology(), c.firms(), employment, c.marketsServed(),
                    c.footprint(), c.source(), c.attributes());
            clusters.add(new StoredFeature("bench", sized));
        }
        ScoringData data = new ScoringData(1, clusters,
                stored(roads), stored(powerLines(pbf, tx, ty)), stored(financePoints(pbf,
                        gis.resolve("india-pmgsy/Facilities"), Path.of("gis-data/mappings/pmgsy-facilities.yaml"), tx,
                        ty, 100_000)), stored(towns(pbf, gis.resolve("geonames/cities500.txt.gz"), tx, ty)));
        System.out.printf(java.util.Locale.ROOT, "data: %d clusters, %d roads (%d segments), %d power lines, %d"
                + " finance points, %d towns; made in %.1f s%n", data.clusters().size(), data.roads().size(),
                segmentCount(roads), data.power().size(), data.finance().size(), data.markets().size(),
                (System.nanoTime() - t0) / 1e9);
        return data;
    }

    private static List<StoredFeature> stored(List<? extends LayerFeature> features) {
        List<StoredFeature> out = new ArrayList<>(features.size());
        for (LayerFeature f : features) {
            out.add(new StoredFeature("bench", f));
        }
        return out;
    }
}
