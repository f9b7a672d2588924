package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.clustergrid.ogc.conformance.WmsSupport;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stored scenario on the map (demo region, anonymous reads off): its planned features as a WMS layer, drawn dashed
 * where it plans a line, found by GetFeatureInfo, with a legend; the clusters by their change as another; both gone
 * with the scenario.
 */
@TestPropertySource(properties = {"clustergrid.admin.token=" + WmsScenarioLayersTest.TOKEN,
    "clustergrid.security.anonymous-read=false"})
class WmsScenarioLayersTest extends ServerTest {
    static final String TOKEN = "scenario-layers-token";
    static final String WMS_NS = "http://www.opengis.net/wms";
    /** The planned power line runs along this latitude, from 80.05° to 80.55° E. */
    static final double LINE_LAT = 20.02;

    HttpResponse<byte[]> wms(String query) throws Exception {
        return send("/ogc/wms?" + query, HttpResponse.BodyHandlers.ofByteArray(), "X-Admin-Token", TOKEN);
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = send(path, HttpResponse.BodyHandlers.ofString(), "X-Admin-Token", TOKEN);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    BufferedImage map(String query) throws Exception {
        HttpResponse<byte[]> r = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&TRANSPARENT=TRUE&"
                + query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body())).startsWith("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    String exceptionCode(HttpResponse<byte[]> r) throws Exception {
        Element report = WmsSupport.parse(r.body()).getDocumentElement();
        assertThat(report.getLocalName()).isEqualTo("ServiceExceptionReport");
        return ((Element) report.getElementsByTagNameNS("http://www.opengis.net/ogc", "ServiceException").item(0))
                .getAttribute("code");
    }

    /** A scenario of a 33 kV line, a bank at the top-priority cluster and a road paved; its id and the cluster. */
    String[] makeScenario() throws Exception {
        JsonNode top = null;
        for (JsonNode f : json("/api/scores").path("features")) {
            if (f.path("properties").path("rank").asInt() == 1) {
                top = f;
            }
        }
        JsonNode g = top.path("geometry");
        JsonNode at = g.path("type").asText().equals("Point") ? g.path("coordinates")
                : g.path("coordinates").get(0).get(0);
        String road = json("/ogc/features/collections/roads/items?limit=1").path("features").get(0).path("id").asText();
        String body = String.format(Locale.ROOT, "{\"type\":\"FeatureCollection\",\"name\":\"Line and branch\","
                + "\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[80.05,%1$s],[80.55,%1$s]]},"
                + "\"properties\":{\"kind\":\"new_power_line\",\"voltage_kv\":33,\"id\":\"line\",\"name\":\"South feeder\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":%2$s},"
                + "\"properties\":{\"kind\":\"finance_point\",\"finance_type\":\"bank\",\"cost\":150000,\"id\":\"bank\"}},"
                + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"upgrade_road\",\"roads\":[\"%3$s\"],"
                + "\"surface\":\"asphalt\",\"cost\":90000,\"id\":\"paving\"}}]}", LINE_LAT, at, road);
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(url("/api/scenarios")))
                .header("Content-Type", "application/geo+json").header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return new String[] {JSON.readTree(made.body()).path("id").asText(), top.path("id").asText(), at.toString()};
    }

    static List<Element> layers(Element parent) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("Layer")) {
                out.add(e);
            }
        }
        return out;
    }

    static String childText(Element e, String name) {
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName().equals(name)) {
                return c.getTextContent();
            }
        }
        return null;
    }

    @Test
    void plannedFeaturesAndChangeAsLayers() throws Exception {
        String[] made = makeScenario();
        String id = made[0];
        String planned = "scenario-" + id;
        String change = planned + "-change";

        // reads need the read role, as every other read
        assertThat(send("/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                + planned, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        // capabilities: the group, and beside it a Scenarios category with the two layers; valid against the schema
        HttpResponse<byte[]> caps = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        WmsSupport.validate(WmsSupport.CAPABILITIES, caps.body());
        Document d = WmsSupport.parse(caps.body());
        Element capability = (Element) d.getDocumentElement().getElementsByTagNameNS(WMS_NS, "Capability").item(0);
        Element top = layers(capability).get(0);
        assertThat(childText(top, "Name")).as("a category: a named top layer would draw the scenarios too").isNull();
        assertThat(layers(top)).extracting(l -> childText(l, "Title")).containsExactly("ClusterGrid", "Scenarios");
        assertThat(childText(layers(top).get(0), "Name")).isEqualTo("clustergrid");
        Element scenarios = layers(top).get(1);
        assertThat(layers(scenarios)).extracting(l -> childText(l, "Name")).containsExactly(planned, change);
        Element plannedLayer = layers(scenarios).get(0);
        assertThat(plannedLayer.getAttribute("queryable")).isEqualTo("1");
        assertThat(childText(plannedLayer, "Title")).isEqualTo("Line and branch: planned features");
        assertThat(childText(plannedLayer, "Abstract")).contains("planned and not built").doesNotContain("Stale");
        Element geo = (Element) plannedLayer.getElementsByTagNameNS(WMS_NS, "EX_GeographicBoundingBox").item(0);
        assertThat(Double.parseDouble(childText(geo, "westBoundLongitude"))).isLessThanOrEqualTo(80.05);
        assertThat(Double.parseDouble(childText(geo, "eastBoundLongitude"))).isGreaterThanOrEqualTo(80.55);
        assertThat(Double.parseDouble(childText(geo, "southBoundLatitude"))).isLessThanOrEqualTo(LINE_LAT);
        assertThat(plannedLayer.getElementsByTagNameNS(WMS_NS, "LegendURL").getLength()).isEqualTo(1);

        // GetMap in EPSG:4326, latitude first: the line is drawn along its row, dashed
        String box4326 = "CRS=EPSG:4326&BBOX=20.0,80.0,20.04,80.6&WIDTH=600&HEIGHT=40&LAYERS=" + planned;
        BufferedImage img = map(box4326);
        int row = (int) Math.round((20.04 - LINE_LAT) / 0.04 * 40 - 0.5);
        int drawn = 0;
        int gaps = 0;
        boolean inDash = false;
        for (int x = 100; x < 500; x++) { // 80.1° to 80.5° E, away from the line's ends
            boolean on = (img.getRGB(x, row) >>> 24) > 128;
            drawn += on ? 1 : 0;
            if (inDash && !on) {
                gaps++;
            }
            inDash = on;
        }
        assertThat(gaps).as("gaps between the dashes of a 400-pixel line").isGreaterThanOrEqualTo(15);
        assertThat(drawn).as("dashes 10 px on, 6 px off").isBetween(180, 320);
        int orange = 0;
        for (int x = 100; x < 500; x++) {
            int rgb = img.getRGB(x, row);
            // a 33 kV line in the power layer's medium-voltage orange (E66101)
            if ((rgb >>> 24) > 200 && ((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 140 && (rgb & 0xFF) < 60) {
                orange++;
            }
        }
        assertThat(orange).isGreaterThan(100);
        // not drawn off the line (where only a paved road or the bank could lie)
        int off = 0;
        for (int x = 0; x < 600; x++) {
            off += (img.getRGB(x, 2) >>> 24) > 128 ? 1 : 0;
        }
        assertThat(off).isLessThan(100);
        // the same map asked in CRS:84, longitude first, is the same image
        BufferedImage crs84 = map("CRS=CRS:84&BBOX=80.0,20.0,80.6,20.04&WIDTH=600&HEIGHT=40&LAYERS=" + planned);
        for (int x = 0; x < 600; x += 7) {
            assertThat(crs84.getRGB(x, row)).isEqualTo(img.getRGB(x, row));
        }

        // GetFeatureInfo on a dash: the intervention, priced as its evaluation prices it
        int onDash = 100;
        while ((img.getRGB(onDash, row) >>> 24) <= 128) {
            onDash++;
        }
        HttpResponse<byte[]> info = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&STYLES=&" + box4326
                + "&QUERY_LAYERS=" + planned + "&INFO_FORMAT=application/json&I=" + onDash + "&J=" + row);
        JsonNode found = JSON.readTree(info.body()).path("features");
        assertThat(found).hasSize(1);
        JsonNode props = found.get(0).path("properties");
        assertThat(props.path("id").asText()).isEqualTo("line");
        assertThat(props.path("kind").asText()).isEqualTo("new_power_line");
        assertThat(props.path("voltage_kv").asInt()).isEqualTo(33);
        JsonNode priced = null;
        for (JsonNode x : json("/api/scenarios/" + id + "/interventions").path("features")) {
            if (x.path("id").asText().equals("line")) {
                priced = x.path("properties");
            }
        }
        assertThat(props.path("cost").asDouble()).isPositive().isEqualTo(priced.path("cost").asDouble());
        assertThat(props.path("basis").asText()).isEqualTo(priced.path("basis").asText());

        // a legend row per kind, drawn
        HttpResponse<byte[]> legend = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                + planned + "&STYLE=default");
        assertThat(legend.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage key = ImageIO.read(new ByteArrayInputStream(legend.body()));
        assertThat(key.getHeight()).isGreaterThanOrEqualTo(3 * 16);

        // the change layer: the top cluster's gap fell by what the evaluation says, and it is drawn
        JsonNode row0 = null;
        for (JsonNode c : json("/api/scenarios/" + id + "/evaluation").path("clusters")) {
            if (c.path("cluster_grid_id").asText().equals(made[1])) {
                row0 = c;
            }
        }
        double fall = Math.round((row0.path("gap_before").asDouble() - row0.path("gap_after").asDouble()) * 100)
                / 100.0;
        assertThat(fall).as("the bank lowers the top cluster's gap").isPositive();
        JsonNode at = JSON.readTree(made[2]);
        double lon = at.get(0).asDouble();
        double lat = at.get(1).asDouble();
        String around = String.format(Locale.ROOT, "CRS=EPSG:4326&BBOX=%f,%f,%f,%f&WIDTH=101&HEIGHT=101&LAYERS=%s",
                lat - 0.01, lon - 0.01, lat + 0.01, lon + 0.01, change);
        BufferedImage changed = map(around);
        assertThat(changed.getRGB(50, 50) >>> 24).as("the cluster is drawn").isGreaterThan(128);
        JsonNode clusterInfo = JSON.readTree(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&STYLES=&" + around
                + "&QUERY_LAYERS=" + change + "&INFO_FORMAT=application/json&I=50&J=50").body());
        JsonNode cp = clusterInfo.path("features").get(0).path("properties");
        assertThat(cp.path("cluster_grid_id").asText()).isEqualTo(made[1]);
        // the evaluation's rows round the gaps to hundredths; the layer takes the fall of the unrounded gaps
        assertThat(cp.path("gap_fall").asDouble()).isCloseTo(fall, within(0.0101));

        // the scenario deleted: its layers are not defined any more, though the data did not change
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url("/api/scenarios/" + id)))
                .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(exceptionCode(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&"
                + box4326))).isEqualTo("LayerNotDefined");
        Document after = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body());
        Element afterCapability = (Element) after.getDocumentElement().getElementsByTagNameNS(WMS_NS, "Capability")
                .item(0);
        assertThat(childText(layers(afterCapability).get(0), "Name")).as("without scenarios, the group is the top")
                .isEqualTo("clustergrid");
        NodeList names = after.getElementsByTagNameNS(WMS_NS, "Name");
        for (int i = 0; i < names.getLength(); i++) {
            assertThat(names.item(i).getTextContent()).doesNotStartWith("scenario-");
        }
        assertThat(exceptionCode(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                + change))).isEqualTo("LayerNotDefined");
    }

    @Test
    void anUnknownScenarioIsNoLayer() throws Exception {
        HttpResponse<byte[]> r = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&CRS=CRS:84"
                + "&BBOX=80,20,80.6,20.5&WIDTH=60&HEIGHT=50&LAYERS=scenario-no-such-id");
        assertThat(exceptionCode(r)).isEqualTo("LayerNotDefined");
        assertThat(new String(r.body())).contains("scenario-no-such-id");
    }
}
