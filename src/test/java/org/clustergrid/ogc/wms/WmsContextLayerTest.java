package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.clustergrid.api.ApiTest;
import org.clustergrid.render.Projection;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A user's own layers in the WMS: country borders and a small mixed layer uploaded, then listed in the capabilities,
 * drawn in GeoServer's default look, queried, given a legend, and gone again once deleted.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + WmsContextLayerTest.TOKEN)
class WmsContextLayerTest extends ServerTest {
    static final String TOKEN = "wms-context-token";
    static final String BORDERS = "src/test/resources/boundaries/south-asia-countries.geojson";
    /** Two points and a line along the centre of pixel row 300 of the maps below (0.01° a pixel from 31° N). */
    static final String SITES = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[84.505,27.505]},
             "properties":{"name":"Upper site","workers":120}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[86.005,27.005]},
             "properties":{"name":"Lower site","workers":40}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[81.0,27.995],[83.0,27.995]]},
             "properties":{"name":"Feeder road","workers":null}}]}
            """;
    /** 1.3.0 EPSG:4326 box, latitude first: 26–31° N, 80–89° E, drawn 900 × 500, 0.01° a pixel. */
    static final String BOX_4326 = "CRS=EPSG:4326&BBOX=26,80,31,89&WIDTH=900&HEIGHT=500";
    /** Pokhara, Nepal (84.0, 28.2) and a point in Tibet (88.0, 30.5), outside every country of the file. */
    static final int NEPAL_I = 400;
    static final int NEPAL_J = 280;
    static final int TIBET_I = 800;
    static final int TIBET_J = 50;
    static final int GREY_FILL = 0xAAAAAA;

    HttpResponse<byte[]> wms(String query) throws Exception {
        return send("/ogc/wms?" + query.replace(" ", "%20"), HttpResponse.BodyHandlers.ofByteArray());
    }

    BufferedImage map(String query) throws Exception {
        HttpResponse<byte[]> r = wms("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    String body(String query) throws Exception {
        return new String(wms(query).body(), StandardCharsets.UTF_8);
    }

    HttpResponse<String> upload(String file, String content, String as, String title, String attribution)
            throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "layer") + ApiTest.part(boundary, "as", null, as)
                + ApiTest.part(boundary, "title", null, title) + ApiTest.part(boundary, "licence", null, "ODbL 1.0")
                + (attribution == null ? "" : ApiTest.part(boundary, "attribution", null, attribution))
                + ApiTest.part(boundary, "file", file, content) + "--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int rgb(BufferedImage img, int i, int j) {
        return img.getRGB(i, j) & 0xFFFFFF;
    }

    @Test
    void anUploadedLayerIsListedDrawnQueriedAndGoneOnceDeleted() throws Exception {
        HttpResponse<String> created = upload("countries.geojson", Files.readString(Path.of(BORDERS)), "countries",
                "South Asian countries", "© OpenStreetMap contributors");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // capabilities: a child of the root after the built-in layers, with its own boxes, inheriting "default"
        byte[] caps = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body();
        Element countries = WmsTest.capabilitiesLayer(caps, "countries");
        assertThat(countries.getAttribute("queryable")).isEqualTo("1");
        assertThat(WmsTest.childText(countries, "Title")).isEqualTo("South Asian countries");
        Element root = (Element) countries.getParentNode();
        assertThat(WmsTest.childText(root, "Name")).isEqualTo("clustergrid");
        assertThat(WmsTest.childText((Element) lastLayerChild(root), "Name")).isEqualTo("countries");
        Element geo = WmsTest.child(countries, "EX_GeographicBoundingBox");
        double west = Double.parseDouble(WmsTest.childText(geo, "westBoundLongitude"));
        double south = Double.parseDouble(WmsTest.childText(geo, "southBoundLatitude"));
        double north = Double.parseDouble(WmsTest.childText(geo, "northBoundLatitude"));
        assertThat(west).isBetween(60.0, 61.0);
        assertThat(south).isBetween(5.0, 9.0); // India's southern tip
        assertThat(north).isBetween(35.0, 38.0);
        Element latFirst = WmsTest.box(countries, "EPSG:4326");
        assertThat(Double.parseDouble(latFirst.getAttribute("minx"))).isEqualTo(south);
        assertThat(Double.parseDouble(latFirst.getAttribute("miny"))).isEqualTo(west);
        assertThat(Double.parseDouble(WmsTest.box(countries, "EPSG:3857").getAttribute("minx")))
                .isCloseTo(Projection.WEB_MERCATOR.x(west), org.assertj.core.data.Offset.offset(0.01));
        assertThat(WmsTest.childText(WmsTest.child(countries, "Attribution"), "Title"))
                .isEqualTo("© OpenStreetMap contributors");
        // no stored style: only the areas by their clusters' scores (WmsRegionStyleTest) beside the inherited default
        assertThat(countries.getElementsByTagNameNS(WmsTest.WMS, "Style").getLength()).isEqualTo(1);
        assertThat(WmsTest.childText(WmsTest.child(countries, "Style"), "Name")).isEqualTo("scores");
        validate(caps);
        String text = new String(caps, StandardCharsets.UTF_8);
        assertThat(text.split("<Name>default</Name>", -1)).hasSize(2); // declared once, by the root
        String caps111 = body("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
        assertThat(caps111).contains("<Name>countries</Name>");
        assertThat(caps111.substring(caps111.indexOf("<Name>countries</Name>")))
                .containsPattern("<LatLonBoundingBox minx=\"60\\.\\d+\"");

        // GetMap, 1.3.0 EPSG:4326 (latitude first): grey inside Nepal, background outside every country
        for (String styles : new String[] {"STYLES=", "STYLES=default"}) {
            BufferedImage img = map("LAYERS=countries&" + styles + "&" + BOX_4326);
            assertThat(rgb(img, NEPAL_I, NEPAL_J)).as(styles).isEqualTo(GREY_FILL);
            assertThat(rgb(img, TIBET_I, TIBET_J)).as(styles).isEqualTo(0xFFFFFF);
        }
        assertThat(body("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&LAYERS=countries&STYLES=bold&"
                + BOX_4326)).contains("StyleNotDefined");
        // the same in Web Mercator
        Projection m = Projection.WEB_MERCATOR;
        String box3857 = String.format(Locale.ROOT, "CRS=EPSG:3857&BBOX=%f,%f,%f,%f&WIDTH=900&HEIGHT=600",
                m.x(80), m.y(26), m.x(89), m.y(31));
        BufferedImage merc = map("LAYERS=countries&STYLES=&" + box3857);
        int pi = (int) ((m.x(84.0) - m.x(80)) / (m.x(89) - m.x(80)) * 900);
        int pj = (int) ((m.y(31) - m.y(28.2)) / (m.y(31) - m.y(26)) * 600);
        assertThat(rgb(merc, pi, pj)).isEqualTo(GREY_FILL);
        int ti = (int) ((m.x(88.0) - m.x(80)) / (m.x(89) - m.x(80)) * 900);
        int tj = (int) ((m.y(31) - m.y(30.5)) / (m.y(31) - m.y(26)) * 600);
        assertThat(rgb(merc, ti, tj)).isEqualTo(0xFFFFFF);
        // a box away from the layer's extent draws nothing
        BufferedImage away = map("LAYERS=countries&STYLES=&CRS=CRS:84&BBOX=-80,-40,-70,-30&WIDTH=50&HEIGHT=50");
        assertThat(rgb(away, 25, 25)).isEqualTo(0xFFFFFF);
        // the root group draws it too, beneath the built-in layers
        BufferedImage group = map("LAYERS=clustergrid&STYLES=&" + BOX_4326);
        assertThat(rgb(group, NEPAL_I, NEPAL_J)).isEqualTo(GREY_FILL);

        // GetFeatureInfo inside Nepal, on the layer and on the group, in every format
        String info = "SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&STYLES=&" + BOX_4326 + "&I=" + NEPAL_I
                + "&J=" + NEPAL_J;
        JsonNode json = JSON.readTree(body(info + "&LAYERS=countries&QUERY_LAYERS=countries"
                + "&INFO_FORMAT=application/json"));
        assertThat(json.path("features")).hasSize(1);
        JsonNode nepal = json.path("features").get(0);
        assertThat(nepal.path("properties").path("A3").asText()).isEqualTo("NPL");
        assertThat(nepal.path("properties").path("fid").asInt()).isEqualTo(2);
        assertThat(nepal.path("properties").path("layer").asText()).isEqualTo("countries");
        assertThat(nepal.path("id").asText()).isEqualTo("countries.2");
        assertThat(body(info + "&LAYERS=countries&QUERY_LAYERS=countries&INFO_FORMAT=text/html"))
                .contains("<td>NPL</td>");
        assertThat(body(info + "&LAYERS=countries&QUERY_LAYERS=countries&INFO_FORMAT=text/plain"))
                .contains("A3 = NPL");
        JsonNode viaGroup = JSON.readTree(body(info + "&LAYERS=clustergrid&QUERY_LAYERS=clustergrid"
                + "&INFO_FORMAT=application/json"));
        assertThat(viaGroup.path("features").findValuesAsText("A3")).containsExactly("NPL");
        JsonNode outside = JSON.readTree(body("SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&STYLES=&" + BOX_4326
                + "&I=" + TIBET_I + "&J=" + TIBET_J + "&LAYERS=countries&QUERY_LAYERS=countries"
                + "&INFO_FORMAT=application/json"));
        assertThat(outside.path("features")).isEmpty();

        // its legend: the area symbol under the layer's title
        HttpResponse<byte[]> legend = wms("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=countries");
        assertThat(legend.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage legendImage = ImageIO.read(new ByteArrayInputStream(legend.body()));
        assertThat(legendImage.getWidth()).isGreaterThan(60);
        assertThat(hasColour(legendImage, GREY_FILL)).isTrue();

        // deleted: gone from the capabilities and from GetMap
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/layers/countries")))
                .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(body("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).doesNotContain("<Name>countries</Name>");
        assertThat(body("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&LAYERS=countries&STYLES=&"
                + BOX_4326)).contains("LayerNotDefined");
    }

    @Test
    void aMixedLayerDrawsEachFeatureByItsOwnGeometry() throws Exception {
        HttpResponse<String> created = upload("sites.geojson", SITES, "sites", "Sites", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("layer").path("geometry").asText()).isEqualTo("mixed");
        Element sites = WmsTest.capabilitiesLayer(wms("SERVICE=WMS&REQUEST=GetCapabilities").body(), "sites");
        assertThat(sites.getElementsByTagNameNS(WmsTest.WMS, "Attribution").getLength()).isZero();

        BufferedImage img = map("LAYERS=sites&STYLES=&" + BOX_4326);
        // points: grey circles with a dark outline; the line: blue
        assertThat(rgb(img, 450, 350)).isEqualTo(0x888888); // 84.505, 27.505
        assertThat(rgb(img, 600, 400)).isEqualTo(0x888888); // 86.005, 27.005
        assertThat(isDark(rgb(img, 454, 350)) || isDark(rgb(img, 455, 350))).isTrue();
        assertThat(rgb(img, 200, 300)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 200, 310)).isEqualTo(0xFFFFFF);

        JsonNode hit = JSON.readTree(body("SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&STYLES=&" + BOX_4326
                + "&I=452&J=351&LAYERS=sites&QUERY_LAYERS=sites&INFO_FORMAT=application/json"));
        assertThat(hit.path("features").findValuesAsText("name")).containsExactly("Upper site");
        assertThat(hit.path("features").get(0).path("properties").path("workers").asInt()).isEqualTo(120);
        JsonNode line = JSON.readTree(body("SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&STYLES=&" + BOX_4326
                + "&I=250&J=302&LAYERS=sites&QUERY_LAYERS=sites&INFO_FORMAT=application/json"));
        assertThat(line.path("features").findValuesAsText("name")).containsExactly("Feeder road");

        BufferedImage legend = ImageIO.read(new ByteArrayInputStream(wms(
                "SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=sites").body()));
        assertThat(hasColour(legend, 0x888888)).isTrue();
        assertThat(hasColour(legend, 0x0000FF)).isTrue();
        assertThat(hasColour(legend, GREY_FILL)).isTrue();
    }

    /** Valid against capabilities_1_3_0.xsd (through SLD 1.1.0's), read from the classpath, not the network. */
    static void validate(byte[] capabilities) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        var url = WmsContextLayerTest.class.getClassLoader().getResource("sld/1.1.0/sld_capabilities.xsd");
        var validator = f.newSchema(new StreamSource(url.openStream(), url.toExternalForm())).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(capabilities)));
    }

    private static boolean isDark(int rgb) {
        return ((rgb >> 16) & 0xFF) < 0x70 && (rgb & 0xFF) < 0x70;
    }

    static boolean hasColour(BufferedImage img, int colour) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb(img, x, y) == colour) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last Layer element directly under {@code parent}. */
    private static org.w3c.dom.Node lastLayerChild(Element parent) {
        NodeList children = parent.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            if (children.item(i) instanceof Element e && e.getLocalName().equals("Layer")) {
                return e;
            }
        }
        throw new AssertionError("no child layer");
    }
}
