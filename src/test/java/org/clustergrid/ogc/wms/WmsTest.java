package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clustergrid.render.Projection;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The WMS on the synthetic demo region (lon 80.0–80.6, lat 20.0–20.5), as a client sees it over HTTP. */
class WmsTest extends ServerTest {
    static final String OGC = "http://www.opengis.net/ogc";
    static final String WMS = "http://www.opengis.net/wms";
    static final String MAP = "SERVICE=WMS&REQUEST=GetMap&LAYERS=clusters&STYLES=&WIDTH=600&HEIGHT=500";
    /** Brookmoor Auto Components, a dynamic export-oriented cluster of 4,300 workers at 80.434, 20.3. */
    static final int CLUSTER_I = 434;
    static final int CLUSTER_J = 200;

    HttpResponse<byte[]> get(String query) throws Exception {
        return send("/ogc/wms?" + query.replace(" ", "%20").replace(";", "%3B"),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    BufferedImage image(String query, String contentType) throws Exception {
        HttpResponse<byte[]> r = get(query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith(contentType);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img).isNotNull();
        return img;
    }

    static void save(BufferedImage img, String name) throws Exception {
        ImageIO.write(img, "png", Path.of(System.getProperty("java.io.tmpdir"), name).toFile());
    }

    Document xml(String query) throws Exception {
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).isEqualTo(200);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    /** The code of the single ServiceException of a 1.3.0 report. */
    String exceptionCode(String query) throws Exception {
        HttpResponse<byte[]> r = get(query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Document d = xml(query);
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ServiceExceptionReport");
        assertThat(root.getNamespaceURI()).isEqualTo(OGC);
        assertThat(root.getAttribute("version")).isEqualTo("1.3.0");
        NodeList list = root.getElementsByTagNameNS(OGC, "ServiceException");
        assertThat(list.getLength()).isEqualTo(1);
        return ((Element) list.item(0)).getAttribute("code");
    }

    static boolean isBackground(int rgb) {
        return (rgb & 0xFFFFFF) == 0xFFFFFF;
    }

    static boolean isVermillion(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r > 190 && g > 70 && g < 130 && b < 60;
    }

    /** QGIS reuses a stored no-cache copy of the capabilities without asking again: they expire at once instead. */
    @Test
    void capabilitiesExpireAtOnceWhileMapsRevalidate() throws Exception {
        HttpResponse<byte[]> caps = get("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        assertThat(String.join(",", caps.headers().allValues("Cache-Control"))).contains("max-age=0")
                .contains("must-revalidate").doesNotContain("no-cache");
        assertThat(caps.headers().firstValue("ETag")).isPresent();
        HttpResponse<byte[]> map = get(MAP + "&VERSION=1.3.0&CRS=CRS:84&BBOX=80,20,80.6,20.5&FORMAT=image/png");
        assertThat(map.headers().allValues("Cache-Control")).contains("no-cache");
        assertThat(map.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void capabilities130ListEveryLayerWithBoxesInEachCrsAxisOrder() throws Exception {
        Document d = xml("SERVICE=WMS&REQUEST=GetCapabilities");
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(root.getNamespaceURI()).isEqualTo(WMS);
        assertThat(root.getAttribute("version")).isEqualTo("1.3.0");
        assertThat(text(root, "Service", "Name")).isEqualTo("WMS");
        assertThat(text(root, "Service", "MaxWidth")).isEqualTo("4096");
        List<String> names = new ArrayList<>();
        NodeList layers = root.getElementsByTagNameNS(WMS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            String name = childText(layer, "Name");
            names.add(name);
            if (name.equals("clusters")) {
                assertThat(layer.getAttribute("queryable")).isEqualTo("1");
                Element geo = child(layer, "EX_GeographicBoundingBox");
                double west = Double.parseDouble(childText(geo, "westBoundLongitude"));
                double south = Double.parseDouble(childText(geo, "southBoundLatitude"));
                assertThat(west).isBetween(80.0, 80.6);
                assertThat(south).isBetween(20.0, 20.5);
                Element epsg4326 = box(layer, "EPSG:4326");
                assertThat(Double.parseDouble(epsg4326.getAttribute("minx"))).isEqualTo(south); // latitude first
                assertThat(Double.parseDouble(epsg4326.getAttribute("miny"))).isEqualTo(west);
                Element crs84 = box(layer, "CRS:84");
                assertThat(Double.parseDouble(crs84.getAttribute("minx"))).isEqualTo(west);
                Element merc = box(layer, "EPSG:3857");
                assertThat(Double.parseDouble(merc.getAttribute("minx"))).isCloseTo(
                        Projection.WEB_MERCATOR.x(west), org.assertj.core.data.Offset.offset(0.01));
                assertThat(childText(child(layer, "Attribution"), "Title")).contains("Synthetic");
                Element legend = child(child(layer, "Style"), "LegendURL");
                assertThat(Integer.parseInt(legend.getAttribute("width"))).isPositive();
                assertThat(childText(legend, "Format")).isEqualTo("image/png");
            }
        }
        assertThat(names).containsExactly("clustergrid", "clusters", "roads", "power", "finance", "markets",
                "gap_surface", "coverage");
    }

    @Test
    void capabilities111ForOlderClients() throws Exception {
        Document d = xml("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("WMT_MS_Capabilities");
        assertThat(root.getAttribute("version")).isEqualTo("1.1.1");
        NodeList boxes = root.getElementsByTagName("LatLonBoundingBox");
        assertThat(boxes.getLength()).isEqualTo(8);
        Element clusters = (Element) root.getElementsByTagName("Layer").item(1);
        Element llbox = (Element) clusters.getElementsByTagName("LatLonBoundingBox").item(0);
        assertThat(Double.parseDouble(llbox.getAttribute("minx"))).isBetween(80.0, 80.6);
        Element bbox = (Element) clusters.getElementsByTagName("BoundingBox").item(0);
        assertThat(bbox.getAttribute("SRS")).isEqualTo("EPSG:4326");
        assertThat(Double.parseDouble(bbox.getAttribute("minx"))).isBetween(80.0, 80.6); // lon first in 1.1.1
        // version negotiation: between 1.1.1 and 1.3.0 -> 1.1.1, above -> 1.3.0
        assertThat(xml("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.2.0").getDocumentElement().getTagName())
                .isEqualTo("WMT_MS_Capabilities");
        assertThat(xml("service=WMS&request=GetCapabilities&version=2.0.0").getDocumentElement().getLocalName())
                .isEqualTo("WMS_Capabilities");
    }

    @Test
    void getMapDrawsFeaturesWhereTheyAreInEveryCrsAndAxisOrder() throws Exception {
        BufferedImage crs84 = image(MAP + "&VERSION=1.3.0&CRS=CRS:84&BBOX=80.0,20.0,80.6,20.5&FORMAT=image/png",
                "image/png");
        save(crs84, "wms-clusters-crs84.png");
        assertThat(crs84.getWidth()).isEqualTo(600);
        assertThat(crs84.getHeight()).isEqualTo(500);
        assertThat(isVermillion(crs84.getRGB(CLUSTER_I, CLUSTER_J))).as(Integer.toHexString(crs84.getRGB(CLUSTER_I, CLUSTER_J))).isTrue();
        assertThat(isBackground(crs84.getRGB(CLUSTER_I + 30, CLUSTER_J + 30))).isTrue();

        BufferedImage epsg4326 = image(MAP + "&VERSION=1.3.0&CRS=EPSG:4326&BBOX=20.0,80.0,20.5,80.6&FORMAT=image/png",
                "image/png");
        assertThat(pixels(epsg4326)).isEqualTo(pixels(crs84));
        BufferedImage v111 = image(MAP + "&VERSION=1.1.1&SRS=EPSG:4326&BBOX=80.0,20.0,80.6,20.5&FORMAT=image/png",
                "image/png");
        assertThat(pixels(v111)).isEqualTo(pixels(crs84));
        // the same place one world to the west (a box beyond -180) shows the same picture
        BufferedImage wrapped = image(MAP + "&VERSION=1.3.0&CRS=CRS:84&BBOX=-280.0,20.0,-279.4,20.5&FORMAT=image/png",
                "image/png");
        assertThat(pixels(wrapped)).isEqualTo(pixels(crs84));

        Projection m = Projection.WEB_MERCATOR;
        String box = m.x(80.0) + "," + m.y(20.0) + "," + m.x(80.6) + "," + m.y(20.5);
        BufferedImage merc = image(MAP + "&VERSION=1.3.0&CRS=EPSG:3857&BBOX=" + box + "&FORMAT=image/png", "image/png");
        save(merc, "wms-clusters-3857.png");
        int j = (int) ((m.y(20.5) - m.y(20.3)) / (m.y(20.5) - m.y(20.0)) * 500);
        assertThat(isVermillion(merc.getRGB(CLUSTER_I, j))).isTrue();
    }

    @Test
    void formatsTransparencyAndBackground() throws Exception {
        String base = "SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=clustergrid&STYLES=&CRS=CRS:84"
                + "&BBOX=80.0,20.0,80.6,20.5&WIDTH=800&HEIGHT=666";
        BufferedImage all = image(base + "&FORMAT=image/png", "image/png");
        save(all, "wms-all.png");
        // the group also draws the data coverage over the whole box: transparency and background on store layers
        String stores = base.replace("LAYERS=clustergrid&STYLES=", "LAYERS=roads,clusters&STYLES=,");
        BufferedImage transparent = image(base.replace("LAYERS=clustergrid", "LAYERS=clusters")
                + "&FORMAT=image/png&TRANSPARENT=TRUE", "image/png");
        assertThat(transparent.getColorModel().hasAlpha()).isTrue();
        assertThat(transparent.getRGB(5, 5) >>> 24).isZero();
        assertThat(transparent.getRGB(578, 266) >>> 24).isGreaterThan(200); // the cluster at 80.434, 20.3
        BufferedImage png8 = image(stores + "&FORMAT=image/png8&TRANSPARENT=TRUE", "image/png");
        assertThat(png8.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(png8.getWidth()).isEqualTo(800);
        save(png8, "wms-all-png8.png");
        BufferedImage mode8 = image(base + "&FORMAT=image/png; mode=8bit", "image/png");
        assertThat(mode8.getColorModel()).isInstanceOf(IndexColorModel.class);
        BufferedImage jpeg = image(stores + "&FORMAT=image/jpeg&BGCOLOR=0x336699", "image/jpeg");
        assertThat(jpeg.getHeight()).isEqualTo(666);
        int bg = jpeg.getRGB(3, 3);
        assertThat(Math.abs(((bg >> 16) & 0xFF) - 0x33)).isLessThan(12);
        assertThat(Math.abs((bg & 0xFF) - 0x99)).isLessThan(12);
        // near the poles and across the antimeridian: a picture, not an error
        image("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=clustergrid&STYLES=&CRS=EPSG:4326"
                + "&BBOX=60,-180,90,180&WIDTH=256&HEIGHT=256&FORMAT=image/png", "image/png");
        image("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=clustergrid&STYLES=&CRS=CRS:84"
                + "&BBOX=170,-10,190,10&WIDTH=256&HEIGHT=256&FORMAT=image/png", "image/png");
        image("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=clustergrid&STYLES=&CRS=EPSG:3857"
                + "&BBOX=-20037508.34,-20037508.34,20037508.34,20037508.34&WIDTH=256&HEIGHT=256&FORMAT=image/png",
                "image/png");
    }

    @Test
    void everyExceptionCode() throws Exception {
        String ok = "SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&STYLES=&WIDTH=100&HEIGHT=100&FORMAT=image/png";
        String where = "&CRS=CRS:84&BBOX=80,20,80.6,20.5";
        assertThat(exceptionCode(ok.replace("image/png", "image/gif") + "&LAYERS=roads" + where))
                .isEqualTo("InvalidFormat");
        assertThat(exceptionCode(ok + "&LAYERS=roads&CRS=EPSG:9999&BBOX=80,20,80.6,20.5")).isEqualTo("InvalidCRS");
        assertThat(exceptionCode(ok + "&LAYERS=nope" + where)).isEqualTo("LayerNotDefined");
        assertThat(exceptionCode(ok + "&LAYERS=Roads" + where)).isEqualTo("LayerNotDefined"); // values are case-sensitive
        assertThat(exceptionCode(ok.replace("STYLES=", "STYLES=fancy") + "&LAYERS=roads" + where))
                .isEqualTo("StyleNotDefined");
        assertThat(exceptionCode(ok + "&LAYERS=roads")).isEqualTo("MissingParameterValue");
        assertThat(exceptionCode(ok.replace("WIDTH=100", "WIDTH=5000") + "&LAYERS=roads" + where))
                .isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode(ok + "&LAYERS=roads&CRS=CRS:84&BBOX=80.6,20,80,20.5")).isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode("SERVICE=WMS&REQUEST=GetStyles&VERSION=1.3.0")).isEqualTo("OperationNotSupported");
        String info = "SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&STYLES=&CRS=CRS:84&BBOX=80,20,80.6,20.5"
                + "&WIDTH=600&HEIGHT=500&INFO_FORMAT=text/plain";
        assertThat(exceptionCode(info + "&LAYERS=clusters&QUERY_LAYERS=clusters&I=600&J=1")).isEqualTo("InvalidPoint");
        assertThat(exceptionCode(info + "&LAYERS=roads&QUERY_LAYERS=clusters&I=1&J=1")).isEqualTo("LayerNotDefined");
        assertThat(exceptionCode(info.replace("text/plain", "application/pdf") + "&LAYERS=clusters&QUERY_LAYERS=clusters"
                + "&I=1&J=1")).isEqualTo("InvalidFormat");
        String seq = xml("SERVICE=WMS&REQUEST=GetCapabilities").getDocumentElement().getAttribute("updateSequence");
        assertThat(exceptionCode("SERVICE=WMS&REQUEST=GetCapabilities&UPDATESEQUENCE=" + seq))
                .isEqualTo("CurrentUpdateSequence");
        assertThat(exceptionCode("SERVICE=WMS&REQUEST=GetCapabilities&UPDATESEQUENCE=" + (Long.parseLong(seq) + 5)))
                .isEqualTo("InvalidUpdateSequence");
        assertThat(xml("SERVICE=WMS&REQUEST=GetCapabilities&UPDATESEQUENCE=" + (Long.parseLong(seq) - 1))
                .getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");

        // 1.1.1: no namespace, InvalidSRS, its own MIME type
        HttpResponse<byte[]> r = get("SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&LAYERS=roads&STYLES=&SRS=EPSG:9999"
                + "&BBOX=80,20,80.6,20.5&WIDTH=100&HEIGHT=100&FORMAT=image/png");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.se_xml");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("<ServiceExceptionReport version=\"1.1.1\">").contains("code=\"InvalidSRS\"");

        // in the image, or a blank one
        BufferedImage inImage = image(ok + "&LAYERS=nope" + where + "&EXCEPTIONS=INIMAGE", "image/png");
        assertThat(inImage.getWidth()).isEqualTo(100);
        boolean text = false;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                text |= !isBackground(inImage.getRGB(x, y));
            }
        }
        assertThat(text).isTrue();
        BufferedImage blank = image(ok + "&LAYERS=nope" + where + "&EXCEPTIONS=BLANK&TRANSPARENT=TRUE", "image/png");
        assertThat(blank.getRGB(50, 50) >>> 24).isZero();
    }

    @Test
    void featureInfoOnAKnownClusterInEachFormat() throws Exception {
        String q = "SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=roads,clusters&QUERY_LAYERS=clusters"
                + "&STYLES=&CRS=EPSG:4326&BBOX=20.0,80.0,20.5,80.6&WIDTH=600&HEIGHT=500&FEATURE_COUNT=5"
                + "&I=" + (CLUSTER_I + 3) + "&J=" + (CLUSTER_J - 2);
        HttpResponse<byte[]> json = get(q + "&INFO_FORMAT=application/json");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode fc = new ObjectMapper().readTree(json.body());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features")).hasSize(1);
        JsonNode f = fc.path("features").get(0);
        assertThat(f.path("properties").path("source_id").asText()).isEqualTo("demo-03");
        assertThat(f.path("properties").path("employment").asInt()).isEqualTo(4300);
        assertThat(f.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(new String(get(q + "&INFO_FORMAT=text/html").body(), StandardCharsets.UTF_8))
                .contains("<table").contains("Brookmoor Auto Components");
        assertThat(new String(get(q + "&INFO_FORMAT=text/plain").body(), StandardCharsets.UTF_8))
                .contains("Layer 'clusters'").contains("name = Brookmoor Auto Components");
        // 1.1.1 with X/Y and lon/lat order
        String v111 = "SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.1.1&LAYERS=clusters&QUERY_LAYERS=clusters"
                + "&STYLES=&SRS=EPSG:4326&BBOX=80.0,20.0,80.6,20.5&WIDTH=600&HEIGHT=500&INFO_FORMAT=application/json"
                + "&X=" + CLUSTER_I + "&Y=" + CLUSTER_J;
        assertThat(new ObjectMapper().readTree(get(v111).body()).path("features")).hasSize(1);
        // nothing far from it
        String empty = q.replace("&I=" + (CLUSTER_I + 3), "&I=20").replace("&J=" + (CLUSTER_J - 2), "&J=20");
        assertThat(new ObjectMapper().readTree(get(empty + "&INFO_FORMAT=application/json").body()).path("features"))
                .isEmpty();
    }

    @Test
    void legendGraphics() throws Exception {
        for (String layer : List.of("clusters", "roads", "power", "finance", "markets", "clustergrid")) {
            BufferedImage legend = image("SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.1.0&FORMAT=image/png&LAYER="
                    + layer, "image/png");
            assertThat(legend.getHeight()).as(layer).isGreaterThan(60);
            save(legend, "wms-legend-" + layer + ".png");
        }
        assertThat(exceptionCode("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=roads&STYLE=nope"))
                .isEqualTo("StyleNotDefined");
        assertThat(exceptionCode("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=nope"))
                .isEqualTo("LayerNotDefined");
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static Element box(Element layer, String crs) {
        NodeList boxes = layer.getElementsByTagNameNS(WMS, "BoundingBox");
        for (int i = 0; i < boxes.getLength(); i++) {
            Element b = (Element) boxes.item(i);
            if (b.getParentNode() == layer && b.getAttribute("CRS").equals(crs)) {
                return b;
            }
        }
        throw new AssertionError("no BoundingBox for " + crs);
    }

    /** The named layer's element in a capabilities document. */
    static Element capabilitiesLayer(byte[] capabilities, String name) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(capabilities));
        org.w3c.dom.NodeList layers = d.getElementsByTagNameNS(WMS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            if (childText(l, "Name").equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no layer " + name + " in the capabilities");
    }

    /** Whether a pixel is {@code colour} drawn at {@code alpha} over white, within {@code tolerance} per channel. */
    static boolean overWhite(int rgb, int colour, double alpha, double tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            double want = ((colour >> shift) & 0xFF) * alpha + 255 * (1 - alpha);
            if (Math.abs(((rgb >> shift) & 0xFF) - want) > tolerance) {
                return false;
            }
        }
        return true;
    }

    static Element child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    static String childText(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    static String text(Element root, String a, String b) {
        return childText(child(root, a), b);
    }

}
