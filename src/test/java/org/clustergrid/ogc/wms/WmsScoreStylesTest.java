package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.clustergrid.api.ApiTest;
import org.clustergrid.app.GapSurfaceService;
import org.clustergrid.render.Projection;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

/**
 * The cluster score styles on the demo region (lon 80.0–80.6, lat 20.0–20.5 drawn 600 × 500, so a pixel is 0.001°):
 * each cluster's marker has the colour of the class the score API's value puts it in, by the web map's rules.
 */
class WmsScoreStylesTest extends ServerTest {
    static final String TOKEN = "score-styles-token";
    static final List<String> STYLES = List.of("composite", "gap", "roads_gap", "power_gap", "finance_gap",
            "markets_gap", "priority");
    /** web/config.js PALETTE: YlOrRd, least need first. */
    static final int[] PALETTE = {0xFFFFB2, 0xFECC5C, 0xFD8D3C, 0xF03B20, 0xBD0026};
    static final int NO_SCORE = 0xBDBDBD;
    /** Point clusters with nothing else on their marker's centre: name → longitude, latitude. */
    static final Map<String, double[]> POINTS = Map.of(
            "Brookmoor Auto Components", new double[] {80.434, 20.3},
            "Cedarford Brassware", new double[] {80.307, 20.449},
            "Dunmere Transport Services", new double[] {80.528, 20.092},
            "Hollowbrook Handloom", new double[] {80.572, 20.432},
            "Marshfield Rice Mills", new double[] {80.34, 20.21},
            "Kingsbrook Leather Tanning", new double[] {80.474, 20.474});

    @Autowired
    SpatialStore store;

    @Autowired
    GapSurfaceService surfaces;

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    HttpResponse<byte[]> get(String url) throws Exception {
        return send(url.replace(" ", "%20"), HttpResponse.BodyHandlers.ofByteArray());
    }

    BufferedImage image(String url) throws Exception {
        HttpResponse<byte[]> r = get(url);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    BufferedImage map(String style, String crsAndBox) throws Exception {
        return image("/ogc/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=clusters&STYLES=" + style
                + crsAndBox + "&WIDTH=600&HEIGHT=500&FORMAT=image/png");
    }

    /** The scored clusters as the web map gets them: name → properties. */
    Map<String, JsonNode> scores() throws Exception {
        JsonNode fc = JSON.readTree(get("/api/scores?f=geojson").body());
        Map<String, JsonNode> byName = new HashMap<>();
        fc.path("features").forEach(f -> byName.put(f.path("properties").path("name").asText(), f.path("properties")));
        return byName;
    }

    /** The class colour of a value by the web map's rules, written out here independently of the server's code. */
    static int expectedColour(String style, JsonNode value, List<Double> priorities) {
        if (!value.isNumber()) {
            return NO_SCORE;
        }
        double v = value.asDouble();
        double[] b = {0, 20, 40, 60, 80, 100};
        if (style.equals("priority")) {
            List<Double> sorted = new ArrayList<>(priorities);
            sorted.sort(null);
            int n = sorted.size();
            b = new double[] {0, sorted.get(n / 5), sorted.get(2 * n / 5), sorted.get(3 * n / 5), sorted.get(4 * n / 5),
                sorted.get(n - 1)};
        }
        int k = 4;
        for (int i = 0; i < 5; i++) {
            if (v >= b[i] && (v < b[i + 1] || (v == b[i + 1] && i == 4))) {
                k = i;
                break;
            }
        }
        return PALETTE[style.equals("composite") ? 4 - k : k];
    }

    /** A marker's fill (alpha 230) over the white background. */
    static boolean looksLike(int rgb, int colour) {
        return WmsTest.overWhite(rgb, colour, 230 / 255.0, 4);
    }

    @Test
    void everyScoreStyleColoursEachClusterByTheClassOfItsApiScore() throws Exception {
        Map<String, JsonNode> scores = scores();
        List<Double> priorities = new ArrayList<>();
        scores.values().forEach(p -> {
            if (p.path("priority").isNumber()) {
                priorities.add(p.path("priority").asDouble());
            }
        });
        for (String style : STYLES) {
            BufferedImage img = map(style, "&CRS=CRS:84&BBOX=80.0,20.0,80.6,20.5");
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (Map.Entry<String, double[]> e : POINTS.entrySet()) {
                int want = expectedColour(style, scores.get(e.getKey()).path(style), priorities);
                colours.add(want);
                int rgb = img.getRGB((int) Math.round((e.getValue()[0] - 80.0) * 1000),
                        (int) Math.round((20.5 - e.getValue()[1]) * 1000));
                assertThat(looksLike(rgb, want)).as("%s in style %s: %s for %s", e.getKey(), style,
                        Integer.toHexString(rgb), Integer.toHexString(want)).isTrue();
            }
            if (style.equals("priority")) {
                assertThat(colours).as("quintiles spread the clusters over several classes").hasSizeGreaterThan(2);
            }
        }
    }

    @Test
    void compositeInWebMercatorToo() throws Exception {
        Projection m = Projection.WEB_MERCATOR;
        BufferedImage img = map("composite", "&CRS=EPSG:3857&BBOX=" + m.x(80.0) + "," + m.y(20.0) + "," + m.x(80.6)
                + "," + m.y(20.5));
        JsonNode brookmoor = scores().get("Brookmoor Auto Components");
        int j = (int) ((m.y(20.5) - m.y(20.3)) / (m.y(20.5) - m.y(20.0)) * 500);
        int want = expectedColour("composite", brookmoor.path("composite"), List.of());
        assertThat(looksLike(img.getRGB(434, j), want)).as(Integer.toHexString(img.getRGB(434, j))).isTrue();
    }

    @Test
    void capabilitiesListEveryScoreStyleWithATitleAndAWorkingLegend() throws Exception {
        Element clusters = WmsTest.capabilitiesLayer(get("/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities").body(),
                "clusters");
        Map<String, String> legends = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (var n = clusters.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("Style")) {
                Element url = WmsTest.child(WmsTest.child(e, "LegendURL"), "OnlineResource");
                legends.put(WmsTest.childText(e, "Name"), url.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
                titles.put(WmsTest.childText(e, "Name"), WmsTest.childText(e, "Title"));
            }
        }
        // its default look is the style "default" it inherits from the root layer, not declared again here
        assertThat(legends.keySet()).containsAll(STYLES).doesNotContain("default");
        assertThat(WmsTest.childText(WmsTest.child((Element) clusters.getParentNode(), "Style"), "Name"))
                .isEqualTo("default");
        assertThat(titles.get("composite")).isEqualTo("Clusters by connectivity score (darker = more need)");
        assertThat(titles.get("priority")).contains("priority");
        for (String style : STYLES) {
            BufferedImage legend = image(legends.get(style));
            assertThat(legend.getHeight()).as(style).isGreaterThan(150);
            WmsTest.save(legend, "wms-legend-clusters-" + style + ".png");
            // the most-need swatch (the first row after the title, on white) is the darkest class
            boolean darkest = false;
            for (int y = 18; y < 50; y++) {
                darkest |= looksLike(legend.getRGB(14, y), PALETTE[4]);
            }
            assertThat(darkest).as(style).isTrue();
        }
    }

    @Test
    void featureInfoFindsAClusterDrawnInAScoreStyle() throws Exception {
        String q = "/ogc/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=clusters&QUERY_LAYERS=clusters"
                + "&STYLES=priority&CRS=CRS:84&BBOX=80.0,20.0,80.6,20.5&WIDTH=600&HEIGHT=500"
                + "&INFO_FORMAT=application/json&I=436&J=199";
        JsonNode fc = JSON.readTree(get(q).body());
        assertThat(fc.path("features")).hasSize(1);
        assertThat(fc.path("features").get(0).path("properties").path("name").asText())
                .isEqualTo("Brookmoor Auto Components");
    }

    @Test
    void aNewImportIsColouredByItsNewScore() throws Exception {
        // an empty corner of the demo region: white before the import
        int i = 100;
        int j = 450;
        assertThat(map("composite", "&CRS=CRS:84&BBOX=80.0,20.0,80.6,20.5").getRGB(i, j) & 0xFFFFFF)
                .isEqualTo(0xFFFFFF);
        String csv = "source_id,name,lat,lon,employment\nnew-1,Newfield Weavers,20.05,80.10,800\n";
        HttpResponse<String> r = upload(csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode newfield = scores().get("Newfield Weavers");
        assertThat(newfield.path("composite").isNumber()).isTrue();
        int want = expectedColour("composite", newfield.path("composite"), List.of());
        int rgb = map("composite", "&CRS=CRS:84&BBOX=80.0,20.0,80.6,20.5").getRGB(i, j);
        assertThat(looksLike(rgb, want)).as(Integer.toHexString(rgb)).isTrue();
        // the gap surface follows the data version as well
        assertThat(surfaces.current().dataVersion()).isEqualTo(store.dataVersion());
    }

    HttpResponse<String> upload(String csv) throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "clusters")
                + ApiTest.part(boundary, "dataset", null, "uploads") + ApiTest.part(boundary, "file", "new.csv", csv)
                + "--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
