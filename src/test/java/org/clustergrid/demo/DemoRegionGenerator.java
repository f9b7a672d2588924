package org.clustergrid.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clustergrid.model.JsonList;

/**
 * Writes the synthetic "Demo Valley" region in {@code gis-data/demo/}: clusters, roads, power, finance and markets
 * as GeoJSON (RFC 7946) plus {@code dataset.json}. Every place, name and number is invented here; nothing is
 * observed. The output is deterministic (fixed seed, {@link StrictMath}, fixed formatting), and
 * {@code DemoRegionGeneratorTest} checks that the committed files equal a fresh run.
 *
 * <p>Layout: a regional city (Ambervale) in the west, three towns (Brookmoor, Cedarford, Dunmere) joined by a trunk
 * and primary roads, a 132 kV line from a thermal plant, 33 kV and 11 kV feeders to towns and some villages, banks
 * in the towns, and rural clusters at the ends of tracks and paths so that infrastructure gaps exist.
 *
 * <p>Run {@link #main} with the output folder as its argument (default {@code gis-data/demo}).
 */
public final class DemoRegionGenerator {

    /** The fixed seed; change it only together with the committed files. */
    public static final long SEED = 20_260_522L;

    /** The files {@link #generate()} produces, in writing order. */
    public static final List<String> FILES = List.of(
            "clusters.geojson",
            "roads.geojson",
            "power.geojson",
            "finance.geojson",
            "markets.geojson",
            "dataset.json");

    /** The region's bounding box [minLon, minLat, maxLon, maxLat]; every coordinate lies inside. */
    public static final double[] EXTENT = {80.0, 20.0, 80.6, 20.5};

    static final String SOURCE = "Synthetic demo data";
    private static final double KM_PER_DEG_LAT = 111.2;
    private static final double COS_LAT = StrictMath.cos(StrictMath.toRadians(20.25));

    private static final Set<String> PAVED_SURFACES = Set.of("asphalt", "paved", "concrete");
    private static final Set<String> ALL_SEASON_CLASSES =
            Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
                    "secondary_link");
    private static final Set<String> NON_MOTORABLE_CLASSES =
            Set.of("footway", "path", "steps", "pedestrian", "cycleway", "bridleway");

    private final Random random = new Random(SEED);
    private final Map<String, double[]> nodes = new LinkedHashMap<>();
    private final List<Feature> clusters = new ArrayList<>();
    private final List<Feature> roads = new ArrayList<>();
    private final List<Feature> power = new ArrayList<>();
    private final List<Feature> finance = new ArrayList<>();
    private final List<Feature> markets = new ArrayList<>();

    private DemoRegionGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "gis-data/demo");
        write(dir);
        System.out.println("Demo Valley written to " + dir.toAbsolutePath());
    }

    /** Generates the region and writes its files into {@code dir} (created if missing). */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Generates the region: file name → file content (UTF-8 text, LF line ends), in the order of {@link #FILES}. */
    public static Map<String, String> generate() {
        DemoRegionGenerator g = new DemoRegionGenerator();
        g.places();
        g.buildMarkets();
        g.buildClusters();
        g.buildRoads();
        g.buildPower();
        g.buildFinance();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("clusters.geojson", featureCollection(g.clusters));
        files.put("roads.geojson", featureCollection(g.roads));
        files.put("power.geojson", featureCollection(g.power));
        files.put("finance.geojson", featureCollection(g.finance));
        files.put("markets.geojson", featureCollection(g.markets));
        files.put("dataset.json", datasetJson());
        return files;
    }

    // ---------------------------------------------------------------- places

    private void places() {
        node("AMB", 80.150, 20.220); // Ambervale, regional city
        node("BRK", 80.420, 20.290); // Brookmoor, town
        node("CED", 80.300, 20.440); // Cedarford, town
        node("DUN", 80.520, 20.080); // Dunmere, town
        node("AIR", 80.060, 20.140); // airport
        node("PORT", 80.205, 20.150); // dry port
        node("J1", 80.300, 20.252); // junction on the trunk road
        node("J2", 80.470, 20.190); // junction on the trunk road
        node("HOL", 80.556, 20.418); // villages
        node("FER", 80.082, 20.438);
        node("GRY", 80.238, 20.052);
        node("MAR", 80.332, 20.198);
        node("EAS", 80.572, 20.236);
        node("KNG", 80.462, 20.458);
        node("ASH", 80.040, 20.302);
        node("LRK", 80.222, 20.330);
        node("OAK", 80.382, 20.046);
        node("PIN", 80.152, 20.398);
        node("RUS", 80.512, 20.168);
        node("THO", 80.282, 20.118);
        grid("AMB", 2, 0.008);
        grid("BRK", 1, 0.006);
        grid("CED", 1, 0.006);
        grid("DUN", 1, 0.006);
        // cluster locations (centres of the polygon clusters)
        node("C01", 80.170, 20.236);
        node("C02", 80.128, 20.202);
        node("C03", 80.434, 20.300);
        node("C04", 80.404, 20.278);
        node("C05", 80.307, 20.449);
        node("C06", 80.528, 20.092);
        node("C07", 80.572, 20.432);
        node("C08", 80.066, 20.468);
        node("C09", 80.252, 20.036);
        node("C10", 80.340, 20.210);
        node("C11", 80.596, 20.262);
        node("C12", 80.474, 20.474);
    }

    /** A square street grid of (2n+1)² nodes centred on a town node; inner nodes are jittered slightly. */
    private void grid(String town, int n, double spacing) {
        double[] c = nodes.get(town);
        for (int i = -n; i <= n; i++) {
            for (int j = -n; j <= n; j++) {
                String key = town + ":" + i + ":" + j;
                if (i == 0 && j == 0) {
                    nodes.put(key, c);
                    continue;
                }
                double jx = (random.nextDouble() - 0.5) * spacing * 0.25;
                double jy = (random.nextDouble() - 0.5) * spacing * 0.25;
                node(key, c[0] + i * spacing / COS_LAT + jx, c[1] + j * spacing + jy);
            }
        }
    }

    private void node(String key, double lon, double lat) {
        nodes.put(key, new double[] {round6(lon), round6(lat)});
    }

    private double[] at(String key) {
        double[] p = nodes.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no node " + key);
        }
        return p;
    }

    /** A point at an offset (in km east / north) from a node. */
    private double[] near(String key, double eastKm, double northKm) {
        double[] p = at(key);
        return new double[] {
            round6(p[0] + eastKm / (KM_PER_DEG_LAT * COS_LAT)), round6(p[1] + northKm / KM_PER_DEG_LAT)
        };
    }

    // ---------------------------------------------------------------- markets

    private void buildMarkets() {
        market("city", "Ambervale", 312_000L, at("AMB"));
        market("town", "Brookmoor", 58_400L, at("BRK"));
        market("town", "Dunmere", 36_900L, at("DUN"));
        market("town", "Cedarford", 23_700L, at("CED"));
        String[][] villages = {
            {"HOL", "Hollowbrook"}, {"FER", "Fernhill"}, {"GRY", "Greystone"}, {"MAR", "Marshfield"},
            {"EAS", "Eastwood"}, {"KNG", "Kingsbrook"}, {"ASH", "Ashby Mill"}, {"LRK", "Larkspur"},
            {"OAK", "Oakhollow"}, {"PIN", "Pinecrest"}, {"RUS", "Rushford"}, {"THO", "Thornbury"}
        };
        for (String[] v : villages) {
            long population = 500 + 10L * random.nextInt(451);
            market("village", v[1], population, at(v[0]));
        }
        market("marketplace", "Ambervale Central Market", null, near("AMB", 0.4, -0.3));
        market("marketplace", "Brookmoor Weekly Haat", null, near("BRK", -0.3, 0.2));
        market("airport", "Demo Valley Airport", null, at("AIR"));
        market("port", "Ambervale Dry Port", null, at("PORT"));
    }

    private void market(String kind, String name, Long population, double[] p) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", String.format("demo-m%02d", markets.size() + 1));
        props.put("kind", kind);
        props.put("name", name);
        props.put("population", population);
        markets.add(new Feature(point(p), props));
    }

    // ---------------------------------------------------------------- clusters

    private void buildClusters() {
        cluster("C01", 1.1, "Ambervale Software Park", "Information technology",
                "software services; IT-enabled services", "high_tech_knowledge", "urban", 85, 6200,
                "national;global");
        cluster("C02", 0.9, "Ambervale Garment Cluster", "Textiles and apparel",
                "knitwear; woven shirts; denim", "dynamic_export", "urban", 320, 18500,
                "regional;national;global");
        cluster("C03", 0, "Brookmoor Auto Components", "Automotive parts",
                "castings; forgings; brake parts", "dynamic_export", "urban", 62, 4300, "national;global");
        cluster("C04", 0.7, "Brookmoor Food Processing", "Food processing",
                "pulses; spices; edible oil", "low_tech_domestic", "urban", 140, 3100,
                "local;regional;national");
        cluster("C05", 0, "Cedarford Brassware", "Metal handicrafts",
                "brass utensils; lamps; decorative ware", "artisanal_craft", "urban", 210, 1900,
                "regional;national;global");
        cluster("C06", 0, "Dunmere Transport Services", "Logistics and vehicle repair",
                "freight forwarding; truck repair; warehousing", "service_based", "urban", 95, 1300,
                "local;regional");
        cluster("C07", 0, "Hollowbrook Handloom", "Handloom weaving",
                "silk saris; cotton fabric", "artisanal_craft", "rural", 450, 2600,
                "regional;national;global");
        cluster("C08", 0, "Fernhill Pottery", "Pottery", "terracotta; glazed pots", "artisanal_craft", "rural",
                70, 380, "local;regional");
        cluster("C09", 0.8, "Greystone Stone Cutting", "Stone quarrying and cutting",
                "granite slabs; building stone", "low_tech_domestic", "rural", 35, 900, "regional;national");
        cluster("C10", 0, "Marshfield Rice Mills", "Rice milling", "parboiled rice; bran",
                "low_tech_domestic", "rural", 48, 620, "local;regional");
        cluster("C11", 0, "Eastwood Bamboo Furniture", "Bamboo products", "furniture; mats; baskets",
                "artisanal_craft", "rural", 120, 540, "local;regional;national");
        cluster("C12", 0, "Kingsbrook Leather Tanning", "Leather", "finished leather; footwear uppers",
                "dynamic_export", "rural", 58, 2100, "national;global");
        // the Identification grid of a few clusters, fully or partly known; the others leave it unknown
        identify(1, "growing", 1994, List.of(market("knitwear", "global", 45.0), market("woven shirts", "national",
                30.0), market("denim", "regional", null)), 12.5, List.of("Ambervale Garment Exporters Association",
                "Demo Valley Chamber of Small Industries"), List.of("Ambervale Apparel Testing Centre",
                "Demo Valley Skills Institute", "District Industries Centre"), "Ambervale Garment Exporters"
                + " Association", "info@garments.example.org", "https://garments.example.org/cluster");
        identify(6, "declining", 1890, List.of(market("silk saris", "national", 60.0), market("cotton fabric",
                "local", 25.0)), 70.0, List.of("Hollowbrook Weavers' Co-operative"), List.of("Handloom Service"
                + " Centre"), "Hollowbrook Weavers' Co-operative", null, null);
        identify(7, "mature", null, List.of(), 85.0, List.of(), List.of(), null, null, null);
    }

    private void identify(int cluster, String status, Integer emergenceYear, List<Map<String, Object>> markets,
            Double informalShare, List<String> associations, List<String> institutions, String contact,
            String email, String url) {
        Map<String, Object> props = clusters.get(cluster).properties();
        props.put("status", status);
        props.put("emergence_year", emergenceYear);
        props.put("product_markets", markets.isEmpty() ? null : new JsonList(markets));
        props.put("informal_share", informalShare);
        props.put("associations", associations.isEmpty() ? null : new JsonList(associations));
        props.put("support_institutions", institutions.isEmpty() ? null : new JsonList(institutions));
        props.put("contact_organisation", contact);
        props.put("contact_email", email);
        props.put("contact_url", url);
        props.values().removeIf(java.util.Objects::isNull);
    }

    private static Map<String, Object> market(String product, String market, Double share) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", product);
        m.put("market", market);
        if (share != null) {
            m.put("share", share);
        }
        return m;
    }

    private void cluster(String key, double radiusKm, String name, String sector, String products, String typology,
            String setting, int firms, int employment, String marketsServed) {
        String geometry = radiusKm > 0 ? polygon(blob(at(key), radiusKm)) : point(at(key));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("source_id", String.format("demo-%02d", clusters.size() + 1));
        props.put("name", name);
        props.put("sector", sector);
        props.put("products", products);
        props.put("typology", typology);
        props.put("setting", setting);
        props.put("firms", firms);
        props.put("employment", employment);
        props.put("markets_served", marketsServed);
        props.put("source", SOURCE);
        clusters.add(new Feature(geometry, props));
    }

    /** A star-shaped ring around a centre, counter-clockwise (RFC 7946 right-hand rule), closed. */
    private List<double[]> blob(double[] c, double radiusKm) {
        int n = 7 + random.nextInt(4);
        List<double[]> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * StrictMath.PI * i / n;
            double r = radiusKm * (0.75 + 0.5 * random.nextDouble());
            double east = r * StrictMath.cos(angle);
            double north = r * StrictMath.sin(angle);
            ring.add(new double[] {
                round6(c[0] + east / (KM_PER_DEG_LAT * COS_LAT)), round6(c[1] + north / KM_PER_DEG_LAT)
            });
        }
        ring.add(ring.get(0));
        return ring;
    }

    // ---------------------------------------------------------------- roads

    private void buildRoads() {
        // trunk spine between the city and the towns
        road("AMB:2:0", "J1", "trunk", "asphalt", "Valley Highway", "DV 1");
        road("J1", "BRK:-1:0", "trunk", "asphalt", "Valley Highway", "DV 1");
        road("BRK:0:-1", "J2", "trunk", "asphalt", "Valley Highway", "DV 1");
        road("J2", "DUN:0:1", "trunk", "asphalt", "Valley Highway", "DV 1");
        // primary roads: airport link and the northern road to Cedarford (last stretch of unknown surface)
        road("AIR", "AMB:-2:-1", "primary", "asphalt", "Airport Road", "DV 4");
        road("AMB:0:2", "LRK", "primary", "asphalt", "Cedarford Road", "DV 2");
        road("LRK", "CED:-1:-1", "primary", null, "Cedarford Road", "DV 2");
        // secondary roads
        road("AMB:1:-2", "PORT", "secondary", "asphalt", "Port Road", "DV 5");
        road("PORT", "THO", "secondary", "gravel", "Southern Road", "DV 6");
        road("THO", "OAK", "secondary", "gravel", "Southern Road", "DV 6");
        road("OAK", "DUN:-1:0", "secondary", null, "Southern Road", "DV 6");
        road("BRK:0:1", "CED:1:0", "secondary", null, "Brookmoor-Cedarford Road", "DV 7");
        // tertiary roads to the larger villages
        road("J1", "MAR", "tertiary", "asphalt", "Marshfield Road", null);
        road("J2", "RUS", "tertiary", "paved", "Rushford Road", null);
        road("AMB:0:2", "PIN", "tertiary", "asphalt", "Pinecrest Road", null);
        road("CED:1:1", "KNG", "tertiary", "gravel", "Kingsbrook Road", null);
        road("THO", "GRY", "tertiary", "gravel", "Greystone Road", null);
        road("AMB:-2:1", "ASH", "tertiary", null, "Ashby Mill Road", null);
        // unclassified roads and tracks to the remote villages and clusters
        road("PIN", "FER", "unclassified", "gravel", null, null);
        road("KNG", "HOL", "track", "dirt", null, null);
        road("RUS", "EAS", "track", "unpaved", null, null);
        road("HOL", "C07", "track", "dirt", null, null);
        road("KNG", "C12", "track", null, null, null);
        road("GRY", "C09", "track", "gravel", null, null);
        road("MAR", "C10", "unclassified", "gravel", null, null);
        road("LRK", "MAR", "unclassified", "dirt", null, null);
        road("ASH", "FER", "track", "ground", null, null);
        // paths: the pottery village cluster has no motorable access
        road("FER", "C08", "path", "dirt", null, null);
        road("LRK", "PIN", "path", null, null, null);
        road("EAS", "HOL", "path", null, null, null);
        // service roads into the urban clusters
        road("AMB:1:1", "C01", "service", "asphalt", "Software Park Avenue", null);
        road("AMB:-1:-1", "C02", "service", "concrete", null, null);
        road("BRK:1:1", "C03", "service", "asphalt", null, null);
        road("BRK:-1:-1", "C04", "service", "paved", null, null);
        road("CED:0:1", "C05", "service", null, null, null);
        road("DUN:1:1", "C06", "service", "gravel", null, null);
        // street grids
        streets("AMB", 2, "Ambervale", new String[] {"asphalt", "asphalt", "paved", "concrete", null});
        streets("BRK", 1, "Brookmoor", new String[] {"asphalt", "paved", null, "gravel"});
        streets("CED", 1, "Cedarford", new String[] {"paved", null, "gravel", "dirt"});
        streets("DUN", 1, "Dunmere", new String[] {"asphalt", null, "gravel"});
        // a pedestrian lane through the Ambervale market
        roadLine(List.of(at("AMB:0:0"), near("AMB", 0.2, -0.15), near("AMB", 0.4, -0.3)), "footway", "paved",
                "Market Lane", null);
    }

    private void streets(String town, int n, String townName, String[] surfaces) {
        int street = 1;
        for (int i = -n; i <= n; i++) {
            for (int j = -n; j < n; j++) {
                String cls = i == 0 ? "tertiary" : "residential";
                String surface = cls.equals("tertiary") ? "asphalt" : surfaces[random.nextInt(surfaces.length)];
                roadLine(List.of(at(town + ":" + i + ":" + j), at(town + ":" + i + ":" + (j + 1))), cls, surface,
                        townName + " " + (i == 0 ? "Main Street" : "Street " + street), null);
            }
            street++;
        }
        int avenue = 1;
        for (int j = -n; j <= n; j++) {
            for (int i = -n; i < n; i++) {
                String cls = j == 0 ? "tertiary" : "residential";
                String surface = cls.equals("tertiary") ? "asphalt" : surfaces[random.nextInt(surfaces.length)];
                roadLine(List.of(at(town + ":" + i + ":" + j), at(town + ":" + (i + 1) + ":" + j)), cls, surface,
                        townName + " " + (j == 0 ? "Bazaar Road" : "Avenue " + avenue), null);
            }
            avenue++;
        }
    }

    private void road(String from, String to, String cls, String surface, String name, String ref) {
        double wiggle = switch (cls) {
            case "trunk", "primary" -> 0.6;
            case "secondary", "tertiary" -> 0.9;
            default -> 1.3;
        };
        for (List<double[]> piece : subdivide(at(from), at(to), 2.5, wiggle)) {
            roadLine(piece, cls, surface, name, ref);
        }
    }

    private void roadLine(List<double[]> line, String cls, String surface, String name, String ref) {
        String paving = surface == null ? "unknown" : PAVED_SURFACES.contains(surface) ? "paved" : "unpaved";
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", String.format("demo-r%03d", roads.size() + 1));
        props.put("class", cls);
        props.put("surface", surface);
        props.put("paving", paving);
        props.put("all_season", paving.equals("paved") || (paving.equals("unknown") && ALL_SEASON_CLASSES.contains(cls)));
        props.put("motorable", !NON_MOTORABLE_CLASSES.contains(cls));
        props.put("name", name);
        props.put("ref", ref);
        roads.add(new Feature(lineString(line), props));
    }

    /**
     * Splits the way from a to b into pieces of about {@code pieceKm}, each a line of four vertices, bent gently
     * and jittered by up to {@code wiggleKm} sideways. Consecutive pieces share their end vertex exactly.
     */
    private List<List<double[]>> subdivide(double[] a, double[] b, double pieceKm, double wiggleKm) {
        double ex = (b[0] - a[0]) * KM_PER_DEG_LAT * COS_LAT;
        double ny = (b[1] - a[1]) * KM_PER_DEG_LAT;
        double length = StrictMath.hypot(ex, ny);
        int pieces = (int) Math.max(1, Math.round(length / pieceKm));
        int steps = pieces * 3;
        double perpE = -ny / length;
        double perpN = ex / length;
        double bend = (random.nextDouble() * 2 - 1) * wiggleKm * 1.5;
        List<double[]> vertices = new ArrayList<>();
        for (int s = 0; s <= steps; s++) {
            if (s == 0) {
                vertices.add(a);
                continue;
            }
            if (s == steps) {
                vertices.add(b);
                continue;
            }
            double t = (double) s / steps;
            double off = bend * StrictMath.sin(StrictMath.PI * t) + (random.nextDouble() * 2 - 1) * wiggleKm * 0.3;
            double east = ex * t + perpE * off;
            double north = ny * t + perpN * off;
            vertices.add(new double[] {
                round6(a[0] + east / (KM_PER_DEG_LAT * COS_LAT)), round6(a[1] + north / KM_PER_DEG_LAT)
            });
        }
        List<List<double[]>> result = new ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            result.add(List.copyOf(vertices.subList(p * 3, p * 3 + 4)));
        }
        return result;
    }

    // ---------------------------------------------------------------- power

    private void buildPower() {
        node("PLANT", 80.098, 20.268);
        node("S1", 80.112, 20.258);
        node("S2", 80.412, 20.302);
        node("S3", 80.292, 20.432);
        node("S4", 80.508, 20.094);
        node("S5", 80.156, 20.214);
        powerArea("plant", "Ambervale Thermal Power Station", null, 120.0, null, blob(at("PLANT"), 0.45));
        powerPoint("substation", "Ambervale 132/33 kV Substation", "132000;33000", null, 24.0, at("S1"));
        powerPoint("substation", "Brookmoor 132/33 kV Substation", "132000;33000", null, 22.0, at("S2"));
        powerPoint("substation", "Cedarford 33/11 kV Substation", "33000;11000", null, 16.0, at("S3"));
        powerPoint("substation", "Dunmere 33/11 kV Substation", "33000;11000", null, 18.0, at("S4"));
        powerPoint("substation", "Ambervale City 33/11 kV Substation", "33000;11000", null, 23.0, at("S5"));
        // transmission
        powerLine("PLANT", "S1", "line", "Ambervale Station Tie 132 kV", "132000", null);
        powerLine("S1", "S2", "line", "Ambervale-Brookmoor 132 kV", "132000", null);
        // sub-transmission
        powerLine("S1", "S5", "line", "Ambervale City 33 kV", "33000", null);
        powerLine("S1", "S3", "line", "Cedarford 33 kV", "33000", null);
        powerLine("S2", "S4", "line", "Dunmere 33 kV", "33000", null);
        // 11 kV feeders to villages and clusters; rural feeders have fewer supply hours
        powerLine("S5", "C02", "minor_line", "Garment Cluster Feeder", "11000", 22.0);
        powerLine("S2", "C04", "minor_line", "Brookmoor Industrial Feeder", "11000", 20.0);
        powerLine("S2", "MAR", "minor_line", "Marshfield Feeder", "11000", 14.0);
        powerLine("S3", "PIN", "minor_line", "Pinecrest Feeder", "11000", 12.0);
        powerLine("S3", "KNG", "minor_line", "Kingsbrook Feeder", "11000", 10.0);
        powerLine("S4", "RUS", "minor_line", "Rushford Feeder", "11000", 15.0);
        powerLine("S4", "OAK", "minor_line", "Oakhollow Feeder", null, 12.0);
        powerLine("S1", "ASH", "minor_line", "Ashby Mill Feeder", "11000", 13.0);
        powerLine("S5", "PORT", "minor_line", "Port Feeder", "11000", 21.0);
        powerLine("PORT", "THO", "minor_line", "Thornbury Feeder", "11000", 11.0);
        // an underground cable to the software park
        powerLine("S5", "C01", "cable", "Software Park Cable", "11000", 24.0);
        // distribution transformers
        String[][] transformers = {
            {"MAR", "14"}, {"PIN", "12"}, {"KNG", "10"}, {"RUS", "15"}, {"OAK", "12"}, {"ASH", "13"},
            {"THO", "11"}, {"C02", "22"}, {"C04", "20"}, {"C01", "24"}, {"PORT", "21"}
        };
        for (String[] t : transformers) {
            powerPoint("transformer", null, "11000;400", null, Double.valueOf(t[1]), near(t[0], 0.15, 0.1));
        }
        // off-grid generators
        powerPoint("generator", "Hollowbrook Solar Mini-grid", "400", 0.2, 6.0, near("HOL", 0.3, -0.2));
        powerPoint("generator", "Eastwood Diesel Generator", "400", 0.05, 4.0, near("EAS", -0.2, 0.2));
    }

    private void powerLine(String from, String to, String kind, String name, String voltages, Double supplyHours) {
        for (List<double[]> piece : subdivide(at(from), at(to), 3.0, 0.25)) {
            power.add(new Feature(lineString(piece), powerProps(kind, name, voltages, null, supplyHours)));
        }
    }

    private void powerPoint(String kind, String name, String voltages, Double capacityMw, Double supplyHours,
            double[] p) {
        power.add(new Feature(point(p), powerProps(kind, name, voltages, capacityMw, supplyHours)));
    }

    private void powerArea(String kind, String name, String voltages, Double capacityMw, Double supplyHours,
            List<double[]> ring) {
        power.add(new Feature(polygon(ring), powerProps(kind, name, voltages, capacityMw, supplyHours)));
    }

    private Map<String, Object> powerProps(String kind, String name, String voltages, Double capacityMw,
            Double supplyHours) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", String.format("demo-p%03d", power.size() + 1));
        props.put("kind", kind);
        props.put("name", name);
        props.put("voltages", voltages);
        props.put("capacity_mw", capacityMw);
        props.put("supply_hours", supplyHours);
        return props;
    }

    // ---------------------------------------------------------------- finance

    private void buildFinance() {
        String[] banks = {"First Demo Bank", "Valley Cooperative Bank", "Amber National Bank", "Demo State Bank"};
        // Ambervale: full range of services
        for (String bank : banks) {
            financeNear("AMB", 1.2, "bank", bank + " - Ambervale", bank);
        }
        for (int i = 0; i < 5; i++) {
            String bank = banks[i % banks.length];
            financeNear("AMB", 1.5, "atm", bank + " ATM", bank);
        }
        financeNear("AMB", 0.8, "bureau_de_change", "Ambervale Exchange House", "Ambervale Exchange House");
        financeNear("AMB", 1.5, "microfinance", "Amber Microcredit - Ambervale", "Amber Microcredit");
        financeNear("AMB", 1.5, "microfinance", "Valley Women's Savings Trust", "Valley Women's Savings Trust");
        financeNear("AMB", 1.0, "credit_cooperative", "Ambervale Weavers' Credit Society", null);
        for (int i = 0; i < 3; i++) {
            financeNear("AMB", 1.8, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        }
        // Brookmoor
        financeNear("BRK", 0.8, "bank", "First Demo Bank - Brookmoor", "First Demo Bank");
        financeNear("BRK", 0.8, "bank", "Demo State Bank - Brookmoor", "Demo State Bank");
        for (int i = 0; i < 3; i++) {
            String bank = i == 1 ? "Demo State Bank" : "First Demo Bank";
            financeNear("BRK", 1.0, "atm", bank + " ATM", bank);
        }
        financeNear("BRK", 0.8, "microfinance", "Amber Microcredit - Brookmoor", "Amber Microcredit");
        financeNear("BRK", 1.2, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        financeNear("BRK", 1.2, "mobile_money_agent", "ValleyCash Agent", "ValleyCash");
        // Cedarford
        financeNear("CED", 0.5, "bank", "Valley Cooperative Bank - Cedarford", "Valley Cooperative Bank");
        financeNear("CED", 0.5, "atm", "Valley Cooperative Bank ATM", "Valley Cooperative Bank");
        financeNear("CED", 0.6, "credit_cooperative", "Cedarford Brassworkers' Credit Society", null);
        financeNear("CED", 0.6, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        // Dunmere
        financeNear("DUN", 0.6, "bank", "Amber National Bank - Dunmere", "Amber National Bank");
        financeNear("DUN", 0.6, "atm", "Amber National Bank ATM", "Amber National Bank");
        financeNear("DUN", 0.6, "atm", "First Demo Bank ATM", "First Demo Bank");
        financeNear("DUN", 0.7, "microfinance", "Amber Microcredit - Dunmere", "Amber Microcredit");
        financeNear("DUN", 0.7, "mobile_money_agent", "ValleyCash Agent", "ValleyCash");
        // airport
        financeNear("AIR", 0.2, "bureau_de_change", "Airport Exchange Counter", "Ambervale Exchange House");
        financeNear("AIR", 0.2, "atm", "Amber National Bank ATM", "Amber National Bank");
        // villages: thin coverage, none at all in Fernhill and Eastwood
        financeNear("MAR", 0.3, "credit_cooperative", "Marshfield Farmers' Credit Society", null);
        financeNear("MAR", 0.3, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        financeNear("THO", 0.3, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        financeNear("LRK", 0.3, "mobile_money_agent", "ValleyCash Agent", "ValleyCash");
        financeNear("GRY", 0.3, "informal_credit", "Greystone moneylender", null);
        financeNear("HOL", 0.3, "informal_credit", "Hollowbrook yarn-dealer credit", null);
        financeNear("HOL", 0.3, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        financeNear("KNG", 0.3, "mobile_money_agent", "ValleyCash Agent", "ValleyCash");
        financeNear("RUS", 0.3, "credit_cooperative", "Rushford Primary Credit Society", null);
        financeNear("PIN", 0.3, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        financeNear("ASH", 0.3, "mobile_money_agent", "DemoPay Agent", "DemoPay");
        financeNear("OAK", 0.3, "microfinance", "Amber Microcredit - Oakhollow", "Amber Microcredit");
    }

    private void financeNear(String key, double radiusKm, String type, String name, String operator) {
        double east = (random.nextDouble() * 2 - 1) * radiusKm;
        double north = (random.nextDouble() * 2 - 1) * radiusKm;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", String.format("demo-f%03d", finance.size() + 1));
        props.put("type", type);
        props.put("name", name);
        props.put("operator", operator);
        finance.add(new Feature(point(near(key, east, north)), props));
    }

    // ---------------------------------------------------------------- output

    private record Feature(String geometry, Map<String, Object> properties) {}

    private static String datasetJson() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", "demo");
        d.put("title", "Demo Valley (synthetic)");
        d.put("source", "Generated by ClusterGrid's DemoRegionGenerator");
        d.put("licence", "CC0 1.0");
        d.put("attribution", "Synthetic demo data \u2014 not real places");
        d.put("synthetic", true);
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : d.entrySet()) {
            sb.append("  ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            sb.append(++i < d.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** One feature per line, so that diffs stay readable. */
    private static String featureCollection(List<Feature> features) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            sb.append("{\"type\":\"Feature\",\"geometry\":").append(f.geometry()).append(",\"properties\":{");
            int j = 0;
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                if (j++ > 0) {
                    sb.append(',');
                }
                sb.append(quote(e.getKey())).append(':').append(value(e.getValue()));
            }
            sb.append("}}").append(i + 1 < features.size() ? ",\n" : "\n");
        }
        return sb.append("]}\n").toString();
    }

    private static String point(double[] p) {
        return "{\"type\":\"Point\",\"coordinates\":" + coord(p) + "}";
    }

    private static String lineString(List<double[]> line) {
        return "{\"type\":\"LineString\",\"coordinates\":" + coords(line) + "}";
    }

    private static String polygon(List<double[]> ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + coords(ring) + "]}";
    }

    private static String coords(List<double[]> points) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < points.size(); i++) {
            sb.append(i > 0 ? "," : "").append(coord(points.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String coord(double[] p) {
        return "[" + number(p[0]) + "," + number(p[1]) + "]";
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Double d) {
            return number(d);
        }
        return v.toString(); // Integer, Long, Boolean, JsonList (its JSON text)
    }

    private static String number(double d) {
        BigDecimal b = BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    private static double round6(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
