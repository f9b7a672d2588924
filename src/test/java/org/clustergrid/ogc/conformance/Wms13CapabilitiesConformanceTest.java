package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ogc.conformance.WmsSupport.WMS_NS;
import static org.clustergrid.ogc.conformance.WmsSupport.XLINK_NS;
import static org.clustergrid.ogc.conformance.WmsSupport.child;
import static org.clustergrid.ogc.conformance.WmsSupport.childText;
import static org.clustergrid.ogc.conformance.WmsSupport.children;
import static org.clustergrid.ogc.conformance.WmsSupport.contentType;
import static org.clustergrid.ogc.conformance.WmsSupport.exceptionCode;
import static org.clustergrid.ogc.conformance.WmsSupport.image;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WMS 1.3.0 GetCapabilities (OGC 06-042, 7.2, Annex A.2 and the capabilities tests of ets-wms13): the document is
 * valid against capabilities_1_3_0.xsd, and follows the layer, CRS, bounding box, style and legend rules.
 */
class Wms13CapabilitiesConformanceTest extends ConformanceTestBase {
    static final String CAPS = "SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0";

    Document capabilities() throws Exception {
        HttpResponse<byte[]> r = wms(CAPS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("text/xml");
        return WmsSupport.parse(r.body());
    }

    /** 7.2.4: the response is valid against the WMS 1.3.0 schema (with SLD 1.1.0 for GetLegendGraphic). */
    @Test
    void schemaValid() throws Exception {
        for (String q : List.of(CAPS, "SERVICE=WMS&REQUEST=GetCapabilities", "SeRvIcE=WMS&ReQuEsT=GetCapabilities"
                + "&VeRsIoN=1.3.0&FORMAT=text/xml", "SERVICE=WMS&REQUEST=GetCapabilities&VERSION=9.0.0")) {
            HttpResponse<byte[]> r = wms(q);
            assertThat(contentType(r)).as(q).startsWith("text/xml");
            WmsSupport.validate(WmsSupport.CAPABILITIES, r.body());
        }
    }

    /** 7.2.3.1: an unsupported FORMAT gets the default text/xml, not an error. */
    @Test
    void unsupportedFormatGetsTextXml() throws Exception {
        HttpResponse<byte[]> r = wms(CAPS + "&FORMAT=application/x-no-such-format");
        assertThat(contentType(r)).startsWith("text/xml");
        assertThat(WmsSupport.parse(r.body()).getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");
    }

    /** 7.2.4.6.x: service metadata, root layer, names, titles, CRS and boxes, inherited or own. */
    @Test
    void layerRules() throws Exception {
        Element root = capabilities().getDocumentElement();
        assertThat(root.getAttribute("version")).isEqualTo("1.3.0");
        Element service = child(root, "Service");
        assertThat(childText(service, "Name")).isEqualTo("WMS");
        assertThat(childText(service, "Title")).isNotBlank();
        assertThat(child(service, "OnlineResource").getAttributeNS(XLINK_NS, "href")).startsWith("http");
        int maxWidth = Integer.parseInt(childText(service, "MaxWidth"));
        assertThat(maxWidth).isPositive();
        Element capability = child(root, "Capability");
        List<Element> topLayers = children(capability, "Layer");
        assertThat(topLayers).as("one root layer").hasSize(1);
        Element top = topLayers.get(0);
        // the root layer declares CRSs and a geographic box every layer inherits
        List<String> rootCrs = children(top, "CRS").stream().map(e -> e.getTextContent().strip()).toList();
        assertThat(rootCrs).contains("CRS:84", "EPSG:4326");
        assertThat(child(top, "EX_GeographicBoundingBox")).isNotNull();
        Set<String> names = new HashSet<>();
        NodeList all = root.getElementsByTagNameNS(WMS_NS, "Layer");
        for (int i = 0; i < all.getLength(); i++) {
            Element layer = (Element) all.item(i);
            String name = childText(layer, "Name");
            assertThat(childText(layer, "Title")).as("every layer has a title").isNotBlank();
            if (name != null) {
                assertThat(names.add(name)).as("layer names are unique: " + name).isTrue();
                assertThat(name).doesNotContain(",", " ");
            }
            Element geo = child(layer, "EX_GeographicBoundingBox");
            if (geo != null) {
                double west = Double.parseDouble(childText(geo, "westBoundLongitude"));
                double east = Double.parseDouble(childText(geo, "eastBoundLongitude"));
                double south = Double.parseDouble(childText(geo, "southBoundLatitude"));
                double north = Double.parseDouble(childText(geo, "northBoundLatitude"));
                assertThat(south).isLessThanOrEqualTo(north);
                assertThat(west).isBetween(-180.0, 180.0);
                assertThat(east).isBetween(-180.0, 180.0);
                // 7.2.4.6.8: a child's box lies within its parent's
                Element parent = (Element) layer.getParentNode();
                Element parentGeo = parent.getLocalName().equals("Layer") ? child(parent, "EX_GeographicBoundingBox")
                        : null;
                if (parentGeo != null) {
                    assertThat(west).isGreaterThanOrEqualTo(Double.parseDouble(childText(parentGeo,
                            "westBoundLongitude")));
                    assertThat(north).isLessThanOrEqualTo(Double.parseDouble(childText(parentGeo,
                            "northBoundLatitude")));
                }
                // BoundingBox per CRS, in the CRS's axis order: CRS:84 as the geographic box, EPSG:4326 lat first
                for (Element box : children(layer, "BoundingBox")) {
                    String crs = box.getAttribute("CRS");
                    assertThat(rootCrs).as("a BoundingBox only for a CRS the layer has").contains(crs);
                    double minx = Double.parseDouble(box.getAttribute("minx"));
                    double miny = Double.parseDouble(box.getAttribute("miny"));
                    double maxx = Double.parseDouble(box.getAttribute("maxx"));
                    double maxy = Double.parseDouble(box.getAttribute("maxy"));
                    assertThat(minx).isLessThanOrEqualTo(maxx);
                    assertThat(miny).isLessThanOrEqualTo(maxy);
                    if (crs.equals("CRS:84")) {
                        assertThat(new double[] {minx, miny, maxx, maxy}).containsExactly(west, south, east, north);
                    } else if (crs.equals("EPSG:4326")) {
                        assertThat(new double[] {minx, miny, maxx, maxy}).containsExactly(south, west, north, east);
                    }
                }
            }
            // a named layer has at least one CRS and a geographic box, its own or inherited
            if (name != null) {
                assertThat(inherited(layer, "CRS")).as(name + " CRS").isNotEmpty();
                assertThat(inherited(layer, "EX_GeographicBoundingBox")).as(name + " box").isNotEmpty();
            }
        }
        assertThat(names).contains("clustergrid", "clusters", "roads", "power", "finance", "markets");
        // the exception formats of 1.3.0
        List<String> exceptionFormats = children(child(capability, "Exception"), "Format").stream()
                .map(e -> e.getTextContent().strip()).toList();
        assertThat(exceptionFormats).contains("XML");
    }

    static List<Element> inherited(Element layer, String name) {
        List<Element> out = new ArrayList<>();
        for (Element l = layer; l != null && "Layer".equals(l.getLocalName());
                l = l.getParentNode() instanceof Element p ? p : null) {
            out.addAll(children(l, name));
        }
        return out;
    }

    /** 6.3.3 / 7.2.4.2: each operation's GET OnlineResource is a URL prefix ending in ? or &. */
    @Test
    void operationsAndTheirUrls() throws Exception {
        Element request = child(child(capabilities().getDocumentElement(), "Capability"), "Request");
        for (String op : List.of("GetCapabilities", "GetMap", "GetFeatureInfo")) {
            Element e = child(request, op);
            assertThat(e).as(op).isNotNull();
            assertThat(children(e, "Format")).as(op).isNotEmpty();
            String href = child(child(child(child(e, "DCPType"), "HTTP"), "Get"), "OnlineResource")
                    .getAttributeNS(XLINK_NS, "href");
            assertThat(href).as(op).matches(".*[?&]$");
        }
        List<String> getCapabilitiesFormats = children(child(request, "GetCapabilities"), "Format").stream()
                .map(e -> e.getTextContent().strip()).toList();
        assertThat(getCapabilitiesFormats).contains("text/xml");
    }

    /** 7.2.4.6.5: styles are unique per layer; each LegendURL gives its format and size, and serves that image. */
    @Test
    void stylesAndLegends() throws Exception {
        NodeList layers = capabilities().getDocumentElement().getElementsByTagNameNS(WMS_NS, "Layer");
        int legends = 0;
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            Set<String> styleNames = new HashSet<>();
            for (Element style : inherited(layer, "Style")) {
                assertThat(childText(style, "Name")).isNotBlank();
                assertThat(childText(style, "Title")).isNotBlank();
                if (style.getParentNode() == layer) {
                    assertThat(styleNames.add(childText(style, "Name"))).as("unique style name").isTrue();
                }
                for (Element legend : children(style, "LegendURL")) {
                    String format = childText(legend, "Format");
                    int w = Integer.parseInt(legend.getAttribute("width"));
                    int h = Integer.parseInt(legend.getAttribute("height"));
                    String href = child(legend, "OnlineResource").getAttributeNS(XLINK_NS, "href");
                    HttpResponse<byte[]> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    BufferedImage img = image(r, format);
                    assertThat(img.getWidth()).as(href).isEqualTo(w);
                    assertThat(img.getHeight()).as(href).isEqualTo(h);
                    legends++;
                }
            }
        }
        assertThat(legends).isPositive();
    }

    /**
     * 7.2.4.6.5: "Style declarations are inherited by child Layers. A child shall not redefine a Style with the same
     * Name as one inherited from a parent." (the suite's style-unique). The root's default reaches every layer.
     */
    @Test
    void noLayerRedefinesAStyleItInherits() throws Exception {
        Element top = child(child(capabilities().getDocumentElement(), "Capability"), "Layer");
        NodeList layers = top.getElementsByTagNameNS(WMS_NS, "Layer");
        assertThat(layers.getLength()).as("child layers").isPositive();
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            Set<String> fromParents = new HashSet<>();
            inherited((Element) layer.getParentNode(), "Style").forEach(s -> fromParents.add(childText(s, "Name")));
            for (Element own : children(layer, "Style")) {
                assertThat(fromParents).as("layer " + childText(layer, "Name") + " redefines a style it inherits")
                        .doesNotContain(childText(own, "Name"));
            }
            assertThat(fromParents).as(childText(layer, "Name") + " inherits the default").contains("default");
        }
    }

    /** 7.2.3.5: UPDATESEQUENCE equal → CurrentUpdateSequence, greater → InvalidUpdateSequence, lower → document. */
    @Test
    void updateSequence() throws Exception {
        String seq = capabilities().getDocumentElement().getAttribute("updateSequence");
        assertThat(seq).isNotBlank();
        long n = Long.parseLong(seq);
        assertThat(exceptionCode(wms(CAPS + "&UPDATESEQUENCE=" + n))).isEqualTo("CurrentUpdateSequence");
        assertThat(exceptionCode(wms(CAPS + "&UPDATESEQUENCE=" + (n + 1)))).isEqualTo("InvalidUpdateSequence");
        HttpResponse<byte[]> older = wms(CAPS + "&UPDATESEQUENCE=" + (n - 1));
        assertThat(WmsSupport.parse(older.body()).getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(WmsSupport.parse(wms(CAPS + "&UPDATESEQUENCE=").body()).getDocumentElement().getLocalName())
                .isEqualTo("WMS_Capabilities");
    }
}
