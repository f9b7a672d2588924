package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ogc.conformance.WmsSupport.child;
import static org.clustergrid.ogc.conformance.WmsSupport.children;
import static org.clustergrid.ogc.conformance.WmsSupport.contentType;
import static org.clustergrid.ogc.conformance.WmsSupport.exceptionCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * WMS 1.3.0 GetFeatureInfo (OGC 06-042, 7.4 and the GetFeatureInfo tests of ets-wms13): mandatory parameters, I/J,
 * QUERY_LAYERS, INFO_FORMAT and FEATURE_COUNT.
 */
class Wms13GetFeatureInfoConformanceTest extends ConformanceTestBase {
    /** Brookmoor Auto Components, a cluster at 80.434 E, 20.3 N: pixel (434, 200) of this 600 × 500 map. */
    static final String INFO = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=roads,clusters&STYLES="
            + "&CRS=EPSG:4326&BBOX=20,80,20.5,80.6&WIDTH=600&HEIGHT=500&QUERY_LAYERS=clusters"
            + "&INFO_FORMAT=application/json&I=434&J=200";

    static String with(String name, String value) {
        String q = INFO.replaceAll("&" + name + "=[^&]*", "");
        return value == null ? q : q + "&" + name + "=" + value;
    }

    /** Table 9: the mandatory parameters (the map part of GetMap but FORMAT, then QUERY_LAYERS, INFO_FORMAT, I, J). */
    @Test
    void mandatoryParameters() throws Exception {
        for (String p : List.of("VERSION", "LAYERS", "STYLES", "CRS", "BBOX", "WIDTH", "HEIGHT", "QUERY_LAYERS",
                "INFO_FORMAT", "I", "J")) {
            assertThat(exceptionCode(wms(with(p, null)))).as("without " + p).isEqualTo("MissingParameterValue");
        }
        // FORMAT is not part of GetFeatureInfo
        assertThat(contentType(wms(INFO))).startsWith("application/json");
    }

    /** 7.4.3.7: I and J outside the map, or not whole numbers, are InvalidPoint. */
    @Test
    void invalidPoint() throws Exception {
        for (String[] ij : List.of(new String[] {"I", "-1"}, new String[] {"I", "600"}, new String[] {"J", "500"},
                new String[] {"J", "-3"}, new String[] {"I", "1.5"}, new String[] {"J", "x"})) {
            assertThat(exceptionCode(wms(with(ij[0], ij[1])))).as(ij[0] + "=" + ij[1]).isEqualTo("InvalidPoint");
        }
        assertThat(contentType(wms(with("I", "599")))).startsWith("application/json");
        assertThat(contentType(wms(with("J", "0")))).startsWith("application/json");
    }

    /** 7.4.3.3: QUERY_LAYERS must be in LAYERS and queryable. */
    @Test
    void queryLayers() throws Exception {
        assertThat(exceptionCode(wms(with("QUERY_LAYERS", "markets")))).isEqualTo("LayerNotDefined");
        assertThat(exceptionCode(wms(with("QUERY_LAYERS", "nope")))).isEqualTo("LayerNotDefined");
        // every layer advertised queryable answers; the others are LayerNotQueryable
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        var layers = caps.getElementsByTagNameNS(WmsSupport.WMS_NS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            String name = WmsSupport.childText(l, "Name");
            String q = with("QUERY_LAYERS", name).replace("LAYERS=roads,clusters", "LAYERS=" + name);
            if ("1".equals(l.getAttribute("queryable"))) {
                assertThat(contentType(wms(q))).as(name).startsWith("application/json");
            } else {
                assertThat(exceptionCode(wms(q))).as(name).isEqualTo("LayerNotQueryable");
            }
        }
    }

    /**
     * 7.4.3.3 and 7.2.4.7.2: a layer advertised queryable="1" answers GetFeatureInfo; the root group is, and answers
     * from its children, in every advertised INFO_FORMAT. FEATURE_COUNT (7.4.3.6) bounds the features per layer
     * asked for, here the group; the topmost first, as the map shows it.
     */
    @Test
    void groupLayerIsQueryableThroughItsChildren() throws Exception {
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        Element root = child(child(caps, "Capability"), "Layer");
        assertThat(WmsSupport.childText(root, "Name")).isEqualTo("clustergrid");
        assertThat(root.getAttribute("queryable")).isEqualTo("1");
        String group = with("QUERY_LAYERS", "clustergrid").replace("LAYERS=roads,clusters", "LAYERS=clustergrid");
        List<String> formats = children(child(child(child(caps, "Capability"), "Request"), "GetFeatureInfo"),
                "Format").stream().map(e -> e.getTextContent().strip()).toList();
        for (String f : formats) {
            var r = wms(group.replace("INFO_FORMAT=application/json", "INFO_FORMAT="
                    + URLEncoder.encode(f, StandardCharsets.UTF_8)));
            assertThat(contentType(r)).as(f).startsWith(f);
            assertThat(WmsSupport.text(r)).as(f).contains("Brookmoor Auto Components");
        }
        // the cluster on top, found in its own layer, as the clusters layer itself answers
        JsonNode one = JSON.readTree(WmsSupport.text(wms(group))).path("features");
        JsonNode direct = JSON.readTree(WmsSupport.text(wms(INFO))).path("features");
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).path("properties").path("layer").asText()).isEqualTo("clusters");
        assertThat(one.get(0).path("id").asText()).isEqualTo(direct.get(0).path("id").asText());
        // more features come from the layers beneath, each named by its child layer
        JsonNode many = JSON.readTree(WmsSupport.text(wms(group + "&FEATURE_COUNT=50"))).path("features");
        assertThat(many.size()).isGreaterThan(1).isLessThanOrEqualTo(50);
        assertThat(many.get(0).path("id").asText()).isEqualTo(direct.get(0).path("id").asText());
        java.util.Set<String> childNames = new java.util.HashSet<>();
        children(root, "Layer").forEach(l -> childNames.add(WmsSupport.childText(l, "Name")));
        java.util.Set<String> from = new java.util.HashSet<>();
        many.forEach(feature -> from.add(feature.path("properties").path("layer").asText()));
        assertThat(childNames).containsAll(from);
        assertThat(from).hasSizeGreaterThan(1);
    }

    /** 7.4.3.5: every advertised INFO_FORMAT answers in that format; others are InvalidFormat. */
    @Test
    void infoFormats() throws Exception {
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        List<String> formats = children(child(child(child(caps, "Capability"), "Request"), "GetFeatureInfo"),
                "Format").stream().map(e -> e.getTextContent().strip()).toList();
        assertThat(formats).isNotEmpty();
        for (String f : formats) {
            var r = wms(with("INFO_FORMAT", URLEncoder.encode(f, StandardCharsets.UTF_8)));
            assertThat(contentType(r)).as(f).startsWith(f);
            assertThat(WmsSupport.text(r)).as(f).contains("Brookmoor Auto Components");
        }
        assertThat(exceptionCode(wms(with("INFO_FORMAT", "application/vnd.ogc.gml")))).isEqualTo("InvalidFormat");
    }

    /** 7.4.3.6: FEATURE_COUNT bounds the features per layer (default 1); it must be a positive integer. */
    @Test
    void featureCount() throws Exception {
        // a wide pick: a small map of the whole region puts several clusters within reach
        String wide = INFO.replace("WIDTH=600&HEIGHT=500", "WIDTH=30&HEIGHT=25").replace("I=434&J=200", "I=21&J=10");
        JsonNode one = JSON.readTree(WmsSupport.text(wms(wide)));
        assertThat(one.path("features").size()).isEqualTo(1);
        JsonNode many = JSON.readTree(WmsSupport.text(wms(wide + "&FEATURE_COUNT=50")));
        assertThat(many.path("features").size()).isGreaterThan(1).isLessThanOrEqualTo(50);
        JsonNode two = JSON.readTree(WmsSupport.text(wms(wide + "&FEATURE_COUNT=2")));
        assertThat(two.path("features").size()).isEqualTo(2);
        assertThat(exceptionCode(wms(INFO + "&FEATURE_COUNT=0"))).isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode(wms(INFO + "&FEATURE_COUNT=lots"))).isEqualTo("InvalidParameterValue");
    }

    /** The map part is checked as GetMap checks it. */
    @Test
    void mapPartErrors() throws Exception {
        assertThat(exceptionCode(wms(with("CRS", "EPSG:9999")))).isEqualTo("InvalidCRS");
        assertThat(exceptionCode(wms(with("LAYERS", "nope")))).isEqualTo("LayerNotDefined");
        assertThat(exceptionCode(wms(with("STYLES", "nope,")))).isEqualTo("StyleNotDefined");
        assertThat(exceptionCode(wms(with("BBOX", "20.5,80,20,80.6")))).isEqualTo("InvalidParameterValue");
        // errors of GetFeatureInfo are XML even when EXCEPTIONS asks for an image
        assertThat(exceptionCode(wms(with("I", "-1") + "&EXCEPTIONS=INIMAGE"))).isEqualTo("InvalidPoint");
    }
}
