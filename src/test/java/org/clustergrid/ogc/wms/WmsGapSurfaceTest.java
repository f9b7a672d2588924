package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.clustergrid.app.GapSurfaceService;
import org.clustergrid.app.ScoringService;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Road;
import org.clustergrid.model.Typology;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.render.Projection;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.surface.GapSurface;
import org.clustergrid.surface.HexGrid;
import org.clustergrid.surface.RegionTimes;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/** The gap surface on the demo region: its times against independent searches, and as WMS layer gap_surface. */
class WmsGapSurfaceTest extends ServerTest {
    static final GeometryFactory GF = new GeometryFactory();
    /** Independent of the web map: the surface's YlGnBu classes, nearest first, and its grey for off the network. */
    static final int[] CLASS_COLOURS = {0xFFFFCC, 0xA1DAB4, 0x41B6C4, 0x2C7FB8, 0x253494};
    static final double[] BREAKS = {15, 30, 60, 120};

    @Autowired
    GapSurfaceService surfaces;

    @Autowired
    ScoringService scoring;

    @Autowired
    SpatialStore store;

    GapSurface surface;
    RegionTimes times;
    HexGrid grid;

    @BeforeEach
    void surface() {
        surface = surfaces.current();
        // the demo clusters lie within 50 km of one another: one region, one grid
        assertThat(surface.regions()).hasSize(1);
        times = surface.times(surface.regions().get(0));
        grid = times.grid();
    }

    /** The id GetFeatureInfo gives a cell of the demo region's grid. */
    String id(int cell) {
        return "r0." + grid.id(cell);
    }

    HttpResponse<byte[]> get(String url) throws Exception {
        String full = url.startsWith("http") ? url : "/ogc/wms?" + url;
        return send(full.replace(" ", "%20"), HttpResponse.BodyHandlers.ofByteArray());
    }

    BufferedImage image(String url) throws Exception {
        HttpResponse<byte[]> r = get(url);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    /** The cells holding each point cluster, and cells spread over the grid. */
    List<Integer> sampleCells() {
        List<Integer> cells = new ArrayList<>();
        for (StoredFeature c : ScoringData.load(store).clusters()) {
            if (c.feature().geometry() instanceof Point p) {
                cells.add(grid.at(p.getX(), p.getY()));
            }
        }
        for (int k = 1; k < 10; k++) {
            cells.add(grid.size() * k / 10 + k * 7);
        }
        cells.add(0);
        cells.add(grid.size() - 1);
        return cells;
    }

    @Test
    void timesMatchASearchFromEachHexagonCentreToTheRegionalMarkets() {
        ScoringData data = ScoringData.load(store);
        List<Road> roads = data.roads().stream().map(f -> (Road) f.feature()).toList();
        RoadGraph graph = RoadGraph.build(roads, SpeedProfile.defaults());
        // the profile's regional tier, picked here by its rule: towns and cities of the threshold population or more
        double threshold = scoring.profile().parameters().regionalCityPopulation();
        List<Market> regional = data.markets().stream().map(f -> (Market) f.feature())
                .filter(m -> (m.kind() == MarketKind.CITY || m.kind() == MarketKind.TOWN || m.kind() == MarketKind.VILLAGE)
                        && m.population() != null && m.population() >= threshold).toList();
        assertThat(regional).extracting(Market::name).containsExactlyInAnyOrder("Ambervale", "Brookmoor");
        Set<Integer> classes = new HashSet<>();
        for (int cell : sampleCells()) {
            Point centre = GF.createPoint(new Coordinate(grid.centreLon(cell), grid.centreLat(cell)));
            // the other way round: from the centre to each market (roads are two-way, so the times are the same)
            TravelTimes fromCentre = TravelTimes.fromSources(graph, List.of(centre));
            double best = Double.POSITIVE_INFINITY;
            String nearest = null;
            for (Market m : regional) {
                double t = fromCentre.secondsTo(m.geometry());
                if (t < best) {
                    best = t;
                    nearest = m.name();
                }
            }
            assertThat(best).as("cell %s reaches a market", grid.id(cell)).isFinite();
            assertThat(times.minutes(cell) * 60).as(grid.id(cell)).isCloseTo(best, within(1e-6));
            assertThat(times.market(cell)).isEqualTo(nearest);
            // and the markets indicator of a cluster standing at the centre says the same
            ClusterScore atCentre = scoring.engine().scoreGeometry("probe", centre,
                    Typology.UNKNOWN, java.util.Set.of(), null, scoring.profile().dimensionWeights());
            assertThat(atCentre.indicators().get(Indicator.MARKET_REGIONAL_TIME).value())
                    .isCloseTo(times.minutes(cell) * 60, within(1e-6));
            classes.add(classOf(times.minutes(cell)));
        }
        assertThat(classes).as("the samples span near and far").hasSizeGreaterThanOrEqualTo(3);
        assertThat(grid.size()).isLessThanOrEqualTo(HexGrid.MAX_CELLS);
    }

    static int classOf(double minutes) {
        for (int k = 0; k < BREAKS.length; k++) {
            if (minutes < BREAKS[k]) {
                return k;
            }
        }
        return BREAKS.length;
    }

    /** The class colour at 55 % over white. */
    static boolean looksLike(int rgb, int colour) {
        return WmsTest.overWhite(rgb, colour, 0.55, 3);
    }

    @Test
    void getMapColoursEachHexagonByItsClassInEveryCrs() throws Exception {
        Projection m = Projection.WEB_MERCATOR;
        for (int cell : sampleCells()) {
            double lon = grid.centreLon(cell);
            double lat = grid.centreLat(cell);
            int want = CLASS_COLOURS[classOf(times.minutes(cell))];
            String q = "SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=gap_surface&STYLES=&WIDTH=101&HEIGHT=101"
                    + "&FORMAT=image/png";
            BufferedImage crs84 = image(q + "&CRS=CRS:84&BBOX=" + (lon - 0.01) + "," + (lat - 0.01) + ","
                    + (lon + 0.01) + "," + (lat + 0.01));
            assertThat(looksLike(crs84.getRGB(50, 50), want)).as("%s: %s for %s", grid.id(cell),
                    Integer.toHexString(crs84.getRGB(50, 50)), Integer.toHexString(want)).isTrue();
            double x = m.x(lon);
            double y = m.y(lat);
            BufferedImage merc = image(q + "&CRS=EPSG:3857&BBOX=" + (x - 1000) + "," + (y - 1000) + "," + (x + 1000)
                    + "," + (y + 1000));
            assertThat(looksLike(merc.getRGB(50, 50), want)).as(grid.id(cell)).isTrue();
            BufferedImage epsg4326 = image(q + "&CRS=EPSG:4326&BBOX=" + (lat - 0.01) + "," + (lon - 0.01) + ","
                    + (lat + 0.01) + "," + (lon + 0.01));
            assertThat(epsg4326.getRGB(50, 50)).isEqualTo(crs84.getRGB(50, 50));
        }
        // the whole region: semi-transparent over a dark background, so roads beneath would show through
        BufferedImage all = image("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=roads,gap_surface&STYLES=,"
                + "&CRS=CRS:84&BBOX=80.0,20.0,80.6,20.5&WIDTH=600&HEIGHT=500&FORMAT=image/png&BGCOLOR=0x000000");
        WmsTest.save(all, "wms-gap-surface.png");
        int rgb = all.getRGB(300, 250);
        assertThat((rgb >> 16) & 0xFF).as("black shows through").isLessThan(200);
    }

    @Test
    void featureInfoReportsTheHexagonAndItsMinutes() throws Exception {
        int cell = sampleCells().get(0);
        double lon = grid.centreLon(cell);
        double lat = grid.centreLat(cell);
        String q = "SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=gap_surface&QUERY_LAYERS=gap_surface"
                + "&STYLES=&CRS=CRS:84&BBOX=" + (lon - 0.01) + "," + (lat - 0.01) + "," + (lon + 0.01) + ","
                + (lat + 0.01) + "&WIDTH=101&HEIGHT=101&I=50&J=50";
        JsonNode fc = JSON.readTree(get(q + "&INFO_FORMAT=application/json").body());
        assertThat(fc.path("features")).hasSize(1);
        JsonNode f = fc.path("features").get(0);
        assertThat(f.path("id").asText()).isEqualTo(id(cell));
        assertThat(f.path("geometry").path("type").asText()).isEqualTo("Polygon");
        JsonNode p = f.path("properties");
        assertThat(p.path("layer").asText()).isEqualTo("gap_surface");
        assertThat(p.path("hexagon").asText()).isEqualTo(id(cell));
        assertThat(p.path("region").asText()).isEqualTo("r0");
        assertThat(p.path("minutes").asDouble()).isCloseTo(times.minutes(cell), within(0.051));
        assertThat(p.path("nearest_market").asText()).isEqualTo(times.market(cell));
        assertThat(p.has("dataset")).isFalse();
        assertThat(new String(get(q + "&INFO_FORMAT=text/plain").body(), StandardCharsets.UTF_8))
                .contains("Layer 'gap_surface'").contains("Feature " + id(cell)).contains("minutes = ");
        assertThat(new String(get(q + "&INFO_FORMAT=text/html").body(), StandardCharsets.UTF_8))
                .contains("gap_surface: " + id(cell));
        // with clusters queried too, from a map in Web Mercator
        Projection m = Projection.WEB_MERCATOR;
        String both = "SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=gap_surface,clusters"
                + "&QUERY_LAYERS=gap_surface,clusters&STYLES=,composite&CRS=EPSG:3857&BBOX=" + (m.x(lon) - 500) + ","
                + (m.y(lat) - 500) + "," + (m.x(lon) + 500) + "," + (m.y(lat) + 500)
                + "&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json";
        JsonNode two = JSON.readTree(get(both).body()).path("features");
        assertThat(two.get(0).path("properties").path("hexagon").asText()).isEqualTo(id(cell));
    }

    @Test
    void capabilitiesAndLegend() throws Exception {
        Element gap = WmsTest.capabilitiesLayer(get("SERVICE=WMS&REQUEST=GetCapabilities").body(), "gap_surface");
        assertThat(gap.getAttribute("queryable")).isEqualTo("1");
        assertThat(WmsTest.childText(gap, "Title")).isEqualTo("Travel time to the nearest regional market");
        Element box = WmsTest.child(gap, "EX_GeographicBoundingBox");
        assertThat(Double.parseDouble(WmsTest.childText(box, "westBoundLongitude"))).isLessThan(80.06);
        assertThat(Double.parseDouble(WmsTest.childText(box, "eastBoundLongitude"))).isGreaterThan(80.6);
        // one look, the "default" it inherits from the root layer, so no style of its own (WMS 1.3.0, 7.2.4.6.5)
        for (var n = gap.getFirstChild(); n != null; n = n.getNextSibling()) {
            assertThat(n.getLocalName()).isNotEqualTo("Style");
        }
        assertThat(WmsTest.childText(WmsTest.child((Element) gap.getParentNode(), "Style"), "Name"))
                .isEqualTo("default");
        // its legend as the web map asks for it, and the same in the inherited style by name
        BufferedImage legend = image("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=gap_surface");
        WmsTest.save(legend, "wms-legend-gap_surface.png");
        BufferedImage named = image("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=gap_surface"
                + "&STYLE=default");
        assertThat(named.getRGB(0, 0, named.getWidth(), named.getHeight(), null, 0, named.getWidth()))
                .isEqualTo(legend.getRGB(0, 0, legend.getWidth(), legend.getHeight(), null, 0, legend.getWidth()));
        assertThat(legend.getHeight()).isGreaterThan(100);
        boolean farthest = false;
        for (int y = 0; y < legend.getHeight(); y++) {
            farthest |= looksLike(legend.getRGB(14, y), CLASS_COLOURS[4]);
        }
        assertThat(farthest).isTrue();
        assertThat(new String(get("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=gap_surface&STYLE=x")
                .body(), StandardCharsets.UTF_8)).contains("StyleNotDefined");
        assertThat(new String(get("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=gap_surface&STYLES=fancy"
                + "&CRS=CRS:84&BBOX=80,20,80.6,20.5&WIDTH=10&HEIGHT=10&FORMAT=image/png").body(),
                StandardCharsets.UTF_8)).contains("StyleNotDefined");
    }
}
