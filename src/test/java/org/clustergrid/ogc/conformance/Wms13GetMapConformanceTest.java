package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ogc.conformance.WmsSupport.allRgb;
import static org.clustergrid.ogc.conformance.WmsSupport.allTransparent;
import static org.clustergrid.ogc.conformance.WmsSupport.child;
import static org.clustergrid.ogc.conformance.WmsSupport.childText;
import static org.clustergrid.ogc.conformance.WmsSupport.children;
import static org.clustergrid.ogc.conformance.WmsSupport.contentType;
import static org.clustergrid.ogc.conformance.WmsSupport.exceptionCode;
import static org.clustergrid.ogc.conformance.WmsSupport.image;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * WMS 1.3.0 GetMap (OGC 06-042, 7.3, Annex A and the GetMap tests of ets-wms13): mandatory parameters, CRS and axis
 * order, BBOX, size, formats, transparency, background, styles, layer order and dimensions.
 */
class Wms13GetMapConformanceTest extends ConformanceTestBase {
    static final List<String> REQUIRED = List.of("VERSION=1.3.0", "REQUEST=GetMap", "LAYERS=clusters", "STYLES=",
            "CRS=CRS:84", "BBOX=80,20,80.6,20.5", "WIDTH=120", "HEIGHT=100", "FORMAT=image/png");

    static String map(String... replacements) {
        StringBuilder b = new StringBuilder("SERVICE=WMS");
        for (String p : REQUIRED) {
            String name = p.substring(0, p.indexOf('=') + 1);
            String value = p;
            for (String r : replacements) {
                if (r.startsWith(name)) {
                    value = r;
                }
            }
            if (value != null && !value.equals(name + "\u0000")) {
                b.append('&').append(value);
            }
        }
        for (String r : replacements) {
            String name = r.substring(0, r.indexOf('=') + 1);
            if (REQUIRED.stream().noneMatch(p -> p.startsWith(name))) {
                b.append('&').append(r);
            }
        }
        return b.toString();
    }

    /** The request without parameter {@code name}. */
    static String without(String name) {
        return map(name + "=\u0000");
    }

    /** Table 8: each mandatory parameter missing is reported; an empty STYLES is the default style. */
    @Test
    void mandatoryParameters() throws Exception {
        for (String p : List.of("VERSION", "LAYERS", "STYLES", "CRS", "BBOX", "WIDTH", "HEIGHT", "FORMAT")) {
            String q = without(p);
            assertThat(exceptionCode(wms(q))).as("without " + p).isEqualTo("MissingParameterValue");
            assertThat(WmsSupport.text(wms(q))).as(p).contains("locator=\"" + p + "\"");
        }
        assertThat(exceptionCode(wms(without("REQUEST")))).isEqualTo("MissingParameterValue");
        assertThat(contentType(wms(map()))).startsWith("image/png");
        // empty values of the other mandatory parameters are missing values too
        for (String p : List.of("LAYERS=", "CRS=", "BBOX=", "WIDTH=", "FORMAT=")) {
            assertThat(exceptionCode(wms(map(p)))).as(p).isEqualTo("MissingParameterValue");
        }
    }

    /** 7.3.3.5 and 6.7.3: CRS:84 is lon/lat, EPSG:4326 lat/lon in 1.3.0; the same place draws the same map. */
    @Test
    void crsAxisOrder() throws Exception {
        BufferedImage crs84 = image(wms(map("LAYERS=clustergrid")), "image/png");
        BufferedImage epsg4326 = image(wms(map("LAYERS=clustergrid", "CRS=EPSG:4326", "BBOX=20,80,20.5,80.6")),
                "image/png");
        assertThat(pixels(epsg4326)).isEqualTo(pixels(crs84));
        // lon/lat given to EPSG:4326 is another (empty, out of range) place, not an error
        BufferedImage swapped = image(wms(map("LAYERS=clustergrid", "CRS=EPSG:4326", "BBOX=80,20,80.6,20.5")),
                "image/png");
        assertThat(pixels(swapped)).isNotEqualTo(pixels(crs84));
        assertThat(exceptionCode(wms(map("CRS=EPSG:9999")))).isEqualTo("InvalidCRS");
        assertThat(exceptionCode(wms(map("CRS=SRS:84")))).isEqualTo("InvalidCRS");
        // every advertised CRS, with the layer's BoundingBox in it, draws
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        Element clusters = findLayer(caps, "clusters");
        for (Element box : children(clusters, "BoundingBox")) {
            String bbox = box.getAttribute("minx") + "," + box.getAttribute("miny") + "," + box.getAttribute("maxx")
                    + "," + box.getAttribute("maxy");
            BufferedImage img = image(wms(map("CRS=" + box.getAttribute("CRS"), "BBOX=" + bbox)), "image/png");
            assertThat(allRgb(img, 0xFFFFFF)).as(box.getAttribute("CRS") + " shows the clusters").isFalse();
        }
    }

    static Element findLayer(Element caps, String name) {
        var layers = caps.getElementsByTagNameNS(WmsSupport.WMS_NS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            if (name.equals(childText(l, "Name"))) {
                return l;
            }
        }
        throw new AssertionError("no layer " + name);
    }

    /** 7.3.3.6: an invalid BBOX is an exception; one off the data or outside the CRS's range is empty content. */
    @Test
    void bbox() throws Exception {
        for (String b : List.of("0,1,1,0", "0,0,1,0", "1,0,0,1", "0,0,0,1", "1,2,3", "1,2,3,4,5", "a,b,c,d")) {
            assertThat(exceptionCode(wms(map("BBOX=" + b)))).as(b).isEqualTo("InvalidParameterValue");
        }
        // exponential notation and signs are numbers: the same map (6.5, ets-wms13 bbox-exponential)
        assertThat(pixels(image(wms(map("BBOX=%2B.8E2,20E0,8.06E%2B1,.205E2")), "image/png")))
                .isEqualTo(pixels(image(wms(map()), "image/png")));
        // no overlap with the advertised box, and beyond the CRS's range: all background (ets-wms13's requests)
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        Element geo = child(child(child(caps, "Capability"), "Layer"), "EX_GeographicBoundingBox");
        String x = childText(geo, "westBoundLongitude");
        String y = childText(geo, "southBoundLatitude");
        for (String layer : List.of("clustergrid", "clusters", "roads", "power", "finance", "markets")) {
            for (String b : List.of("-180,-90," + x + "," + y, "-10,90,10,110", "0,0,1,1")) {
                BufferedImage img = image(wms(map("LAYERS=" + layer, "WIDTH=100", "HEIGHT=100", "BBOX=" + b)),
                        "image/png");
                assertThat(allRgb(img, 0xFFFFFF)).as(layer + " BBOX=" + b + " is empty").isTrue();
            }
        }
    }

    /**
     * 7.3.3.6: the box runs around the outside of the edge pixels, so a map inside a polygon has no background on its
     * border (ets-wms13 bbox-pixel-interpretation: 10 × 7 pixels).
     */
    @Test
    void bboxIsTheOuterEdgeOfThePixels() throws Exception {
        var reader = new org.locationtech.jts.io.geojson.GeoJsonReader();
        var fc = JSON.readTree(get("/collections/clusters/items?limit=100").body());
        int tried = 0;
        for (var f : fc.path("features")) {
            var g = reader.read(f.path("geometry").toString());
            if (!g.getGeometryType().endsWith("Polygon")) {
                continue;
            }
            var e = g.getEnvelopeInternal();
            double d = Math.min(e.getWidth(), e.getHeight()) / 5;
            var inner = g.buffer(-d);
            if (inner.isEmpty()) {
                continue;
            }
            // away from the label's anchor, inside the polygon with room around it
            var c = inner.getCoordinates()[0];
            double w = d / 4;
            double h = w * 0.7;
            var box = new org.locationtech.jts.geom.GeometryFactory().toGeometry(
                    new org.locationtech.jts.geom.Envelope(c.x - w, c.x + w, c.y - h, c.y + h));
            assertThat(g.contains(box)).isTrue();
            BufferedImage img = image(wms(map("BBOX=" + (c.x - w) + "," + (c.y - h) + "," + (c.x + w) + ","
                    + (c.y + h), "WIDTH=10", "HEIGHT=7")), "image/png");
            for (int x = 0; x < 10; x++) {
                for (int y = 0; y < 7; y++) {
                    if (x == 0 || y == 0 || x == 9 || y == 6) {
                        assertThat(img.getRGB(x, y) & 0xFFFFFF).as(f.path("id").asText() + " pixel " + x + "," + y)
                                .isNotEqualTo(0xFFFFFF);
                    }
                }
            }
            tried++;
        }
        assertThat(tried).as("polygon clusters").isPositive();
    }

    /** 7.3.3.8: WIDTH and HEIGHT are served exactly, from 1 pixel to the advertised maxima; beyond is refused. */
    @Test
    void widthAndHeight() throws Exception {
        for (int[] size : List.of(new int[] {8, 5}, new int[] {1, 1}, new int[] {1024, 768}, new int[] {4096, 4096})) {
            BufferedImage img = image(wms(map("WIDTH=" + size[0], "HEIGHT=" + size[1], "FORMAT=image/jpeg")),
                    "image/jpeg");
            assertThat(img.getWidth()).isEqualTo(size[0]);
            assertThat(img.getHeight()).isEqualTo(size[1]);
        }
        for (String bad : List.of("WIDTH=4097", "HEIGHT=4097", "WIDTH=0", "HEIGHT=-5", "WIDTH=12.5", "WIDTH=ten")) {
            assertThat(exceptionCode(wms(map(bad)))).as(bad).isEqualTo("InvalidParameterValue");
        }
    }

    /** 7.3.3.7: every advertised format answers with that format; others are InvalidFormat. */
    @Test
    void formats() throws Exception {
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        List<String> formats = children(child(child(child(caps, "Capability"), "Request"), "GetMap"), "Format")
                .stream().map(e -> e.getTextContent().strip()).toList();
        assertThat(formats).contains("image/png", "image/jpeg");
        for (String f : formats) {
            var r = wms(map("FORMAT=" + URLEncoder.encode(f, StandardCharsets.UTF_8)));
            // ets-wms13 compares the Content-Type with the format asked for, without MIME parameters
            String base = f.contains(";") ? f.substring(0, f.indexOf(';')).strip() : f;
            assertThat(contentType(r)).as(f).startsWith(base);
            assertThat(image(r, base).getWidth()).isEqualTo(120);
        }
        assertThat(exceptionCode(wms(map("FORMAT=image/gif")))).isEqualTo("InvalidFormat");
        assertThat(exceptionCode(wms(map("FORMAT=text/html")))).isEqualTo("InvalidFormat");
    }

    /** 7.3.3.9 and 7.3.3.10: TRANSPARENT default FALSE; TRUE leaves no-data pixels clear; BGCOLOR default white. */
    @Test
    void transparentAndBgcolor() throws Exception {
        String empty = "BBOX=0,0,1,1";
        assertThat(allRgb(image(wms(map(empty)), "image/png"), 0xFFFFFF)).isTrue();
        BufferedImage opaque = image(wms(map(empty, "TRANSPARENT=FALSE")), "image/png");
        assertThat(opaque.getRGB(5, 5) >>> 24).isEqualTo(255);
        BufferedImage clear = image(wms(map(empty, "TRANSPARENT=TRUE")), "image/png");
        assertThat(allTransparent(clear)).isTrue();
        assertThat(allRgb(image(wms(map(empty, "BGCOLOR=0x0000FF")), "image/png"), 0x0000FF)).isTrue();
        BufferedImage jpeg = image(wms(map(empty, "BGCOLOR=0x0000ff", "FORMAT=image/jpeg")), "image/jpeg");
        int rgb = jpeg.getRGB(60, 50);
        assertThat(new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF}).as("blue, within JPEG's loss")
                .satisfies(c -> {
                    assertThat(c[0]).isLessThan(8);
                    assertThat(c[1]).isLessThan(8);
                    assertThat(c[2]).isGreaterThan(247);
                });
        // with data: transparent keeps features opaque and the rest clear
        BufferedImage data = image(wms(map("TRANSPARENT=TRUE")), "image/png");
        assertThat(allTransparent(data)).isFalse();
        assertThat(data.getRGB(0, 0) >>> 24).isZero();
        assertThat(exceptionCode(wms(map("TRANSPARENT=maybe")))).isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode(wms(map("BGCOLOR=blue")))).isEqualTo("InvalidParameterValue");
    }

    /** 7.3.3.4: one style per layer or none; empty entries are defaults; a count mismatch or unknown name fails. */
    @Test
    void styles() throws Exception {
        String two = "LAYERS=roads,clusters";
        int[] none = pixels(image(wms(map(two)), "image/png"));
        assertThat(pixels(image(wms(map(two, "STYLES=,")), "image/png"))).isEqualTo(none);
        assertThat(pixels(image(wms(map(two, "STYLES=default,")), "image/png"))).isEqualTo(none);
        assertThat(exceptionCode(wms(map(two, "STYLES=,,")))).isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode(wms(map(two, "STYLES=default")))).isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode(wms(map(two, "STYLES=nope,")))).isEqualTo("StyleNotDefined");
        assertThat(exceptionCode(wms(map(two, "STYLES=,nope")))).isEqualTo("StyleNotDefined");
    }

    /**
     * 7.3.3.4: a style asked for "shall be one that was defined in a Style element that is either directly contained
     * within, or inherited by, the associated Layer element" (the suite's styles-inherited and each-style): every
     * named layer draws in each style it declares or inherits, and in the inherited default just as with STYLES=.
     */
    @Test
    void everyLayerDrawsInEachStyleItDeclaresOrInherits() throws Exception {
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        var layers = caps.getElementsByTagNameNS(WmsSupport.WMS_NS, "Layer");
        int inheritedDrawn = 0;
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            String name = childText(layer, "Name");
            if (name == null) {
                continue;
            }
            String view = "LAYERS=" + name;
            int[] byDefault = pixels(image(wms(map(view, "WIDTH=300", "HEIGHT=250")), "image/png"));
            for (Element style : Wms13CapabilitiesConformanceTest.inherited(layer, "Style")) {
                String styleName = childText(style, "Name");
                BufferedImage img = image(wms(map(view, "WIDTH=300", "HEIGHT=250", "STYLES="
                        + URLEncoder.encode(styleName, StandardCharsets.UTF_8))), "image/png");
                if (style.getParentNode() != layer) {
                    inheritedDrawn++;
                    if (styleName.equals("default")) {
                        assertThat(pixels(img)).as(name + " in the inherited default").isEqualTo(byDefault);
                    }
                }
            }
        }
        assertThat(inheritedDrawn).as("layers drawn in an inherited style").isPositive();
    }

    /**
     * 7.3.3.3: LAYERS are drawn in the order listed, the first at the bottom; unknown layers anywhere in the list are
     * LayerNotDefined; the advertised LayerLimit is served, one more is refused.
     */
    @Test
    void layersAndTheirOrder() throws Exception {
        String view = "BBOX=80,20,80.6,20.5";
        BufferedImage clusters = image(wms(map(view, "WIDTH=600", "HEIGHT=500", "TRANSPARENT=TRUE")), "image/png");
        BufferedImage roads = image(wms(map(view, "WIDTH=600", "HEIGHT=500", "TRANSPARENT=TRUE", "LAYERS=roads")),
                "image/png");
        BufferedImage roadsBelow = image(wms(map(view, "WIDTH=600", "HEIGHT=500", "TRANSPARENT=TRUE",
                "LAYERS=roads,clusters")), "image/png");
        BufferedImage roadsAbove = image(wms(map(view, "WIDTH=600", "HEIGHT=500", "TRANSPARENT=TRUE",
                "LAYERS=clusters,roads")), "image/png");
        // where a cluster marker's fill covers a road, the layer listed last shows; labels and attributions are
        // placed over all layers afterwards, so the comparison keeps to the markers' fill and the roads' strokes
        int overlap = 0;
        int lastOnTop = 0;
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 600; x++) {
                int c = clusters.getRGB(x, y);
                int r = roads.getRGB(x, y);
                if (isMarkerFill(c) && r >>> 24 == 255 && c != r) {
                    overlap++;
                    lastOnTop += roadsBelow.getRGB(x, y) == c && roadsAbove.getRGB(x, y) == r ? 1 : 0;
                }
            }
        }
        assertThat(overlap).as("markers cover roads somewhere").isPositive();
        assertThat(lastOnTop).as("of " + overlap + " pixels").isGreaterThanOrEqualTo(overlap * 95 / 100);
        for (String bad : List.of("LAYERS=nope", "LAYERS=nope,clusters", "LAYERS=clusters,nope", "LAYERS=clusters,")) {
            assertThat(exceptionCode(wms(map(bad)))).as(bad).isEqualTo("LayerNotDefined");
        }
        Element caps = WmsSupport.parse(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body())
                .getDocumentElement();
        int limit = Integer.parseInt(childText(child(caps, "Service"), "LayerLimit"));
        String[] many = new String[limit];
        Arrays.fill(many, "clusters");
        assertThat(contentType(wms(map("LAYERS=" + String.join(",", many))))).startsWith("image/png");
        String[] tooMany = new String[limit + 1];
        Arrays.fill(tooMany, "clusters");
        assertThat(exceptionCode(wms(map("LAYERS=" + String.join(",", tooMany))))).isEqualTo("InvalidParameterValue");
    }

    /**
     * Annex C: no layer declares a Dimension, so TIME, ELEVATION and DIM_ values are ignored (C.4.1), never
     * MissingDimensionValue or InvalidDimensionValue.
     */
    @Test
    void dimensionsAreIgnoredWithoutDimensions() throws Exception {
        String caps = WmsSupport.text(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"));
        assertThat(caps).doesNotContain("<Dimension");
        int[] plain = pixels(image(wms(map()), "image/png"));
        for (String d : List.of("TIME=2024-01-01", "ELEVATION=100", "DIM_WAVELENGTH=500", "TIME=not-a-time")) {
            assertThat(pixels(image(wms(map(d)), "image/png"))).as(d).isEqualTo(plain);
        }
    }

    /** A cluster marker's fill: opaque and coloured, where labels are black on a white halo. */
    static boolean isMarkerFill(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return argb >>> 24 == 255 && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80;
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
