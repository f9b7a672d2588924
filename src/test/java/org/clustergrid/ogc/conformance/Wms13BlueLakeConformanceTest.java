package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ogc.conformance.WmsSupport.WMS_NS;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * ets-wms13's data-dependent basic and queryable options replayed on the Blue Lake data ({@code main.xml}'s
 * data-preconditions, {@code basic.xml}, {@code queryable.xml}): the layers by title and plain name, GetMap without
 * SERVICE at the largest and smallest sizes, the pixel checks of the box, background and transparency tests, and
 * GetFeatureInfo with FEATURE_COUNT on the polygon layers.
 */
class Wms13BlueLakeConformanceTest extends BlueLakeTestBase {
    private static final String LAKES_BOX = "0,-0.0020,0.0040,0";

    private List<Element> layers() throws Exception {
        var r = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        NodeList list = WmsSupport.parse(r.body()).getElementsByTagNameNS(WMS_NS, "Layer");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    void everyLayerIsThereByTitleAndNameSubsettableResizableAndQueryable() throws Exception {
        List<Element> layers = layers();
        Element root = layers.get(0);
        assertThat(WmsSupport.children(root, "CRS").stream().map(Element::getTextContent)).contains("CRS:84");
        List<String> names = new ArrayList<>(BlueLake.PLAIN);
        names.addAll(List.of("Lakes", "Autos", "Terrain"));
        for (String name : names) {
            Element l = layers.stream().filter(e -> ("cite:" + name).equals(WmsSupport.childText(e, "Title")))
                    .findFirst().orElseThrow(() -> new AssertionError("no layer titled cite:" + name));
            assertThat(WmsSupport.childText(l, "Name")).isEqualTo(name);
            assertThat(l.getAttribute("noSubsets")).isIn("", "0");
            assertThat(l.getAttribute("fixedWidth")).isIn("", "0");
            // queryable.xml's std-data-queryable: the polygon layers by plain name
            assertThat(l.getAttribute("queryable")).isEqualTo("1");
        }
    }

    @Test
    void getMapWithoutServiceAtTheLargestAndSmallestSizes() throws Exception {
        for (int[] size : new int[][] {{1024, 768}, {8, 5}}) {
            var r = wms("VERSION=1.3.0&REQUEST=GetMap&LAYERS=Lakes&STYLES=&CRS=CRS:84&BBOX=" + LAKES_BOX
                    + "&WIDTH=" + size[0] + "&HEIGHT=" + size[1] + "&FORMAT=image/png");
            BufferedImage img = image(r);
            assertThat(new int[] {img.getWidth(), img.getHeight()}).isEqualTo(size);
        }
    }

    @Test
    void theLakesDefaultStyleFillsThePolygon() throws Exception {
        BufferedImage img = image(getMap("Lakes", LAKES_BOX, 200, 100, ""));
        // inside Blue Lake, away from its hole and outline: (0.0010, -0.0015)
        assertThat(img.getRGB(50, 75) & 0xffffff).isNotEqualTo(WHITE);
        assertThat(white(img, 40, 65, 20, 15)).isZero();
    }

    @Test
    void bboxPixelInterpretation() throws Exception {
        // basic.xml: a 10×7 map of the lake around its hole has no white border pixel
        BufferedImage img = image(wms("VeRsIoN=1.3.0&ReQuEsT=GetMap&FoRmAt=image/png&LaYeRs=Lakes&StYlEs="
                + "&HeIgHt=7&CrS=CRS:84&BbOx=0.0016,-0.0012,0.0026,-0.0005&WiDtH=10"));
        assertThat(List.of(white(img, 0, 0, 10, 1), white(img, 0, 6, 10, 1), white(img, 0, 1, 1, 5),
                white(img, 9, 1, 1, 5))).containsOnly(0L);
    }

    @Test
    void bboxInExponentialNotationDrawsTheSameMap() throws Exception {
        String layers = "Streams,Lakes,Ponds,Bridges,RoadSegments,DividedRoutes,Buildings,MapNeatline";
        var plain = getMap(layers, "-0.005,-0.0025,0.005,0.0025", 400, 200, "");
        var exponential = getMap(layers, "-.0005E1,-25E-4,%2B05E-3,.00025E%2B1", 400, 200, "");
        assertThat(exponential.body()).isEqualTo(plain.body());
    }

    @Test
    void backgroundAndTransparency() throws Exception {
        BufferedImage none = image(getMap("Lakes", LAKES_BOX, 200, 100, ""));
        assertThat(List.of(white(none, 0, 0, 25, 100), white(none, 150, 0, 50, 50))).containsOnly(2500L);
        BufferedImage blue = image(getMap("Lakes", LAKES_BOX, 200, 100, "&BgCoLoR=0x0000FF"));
        assertThat(List.of(count(blue, 0, 0, 25, 100, p -> (p & 0xffffff) == 0x0000ff),
                count(blue, 150, 0, 50, 50, p -> (p & 0xffffff) == 0x0000ff))).containsOnly(2500L);
        BufferedImage clear = image(getMap("Lakes", LAKES_BOX, 200, 100, "&TrAnSpArEnT=TRUE"));
        assertThat(transparent(clear, 0, 0, 200, 100)).isPositive();
    }

    private String featureInfo(String layer, String count) throws Exception {
        var r = wms("VeRsIoN=1.3.0&ReQuEsT=GetFeatureInfo&QuErY_LaYeRs=" + layer + "&LaYeRs=" + layer
                + "&StYlEs=&CrS=CRS:84&BbOx=-2,2,2,6&WiDtH=100&HeIgHt=100&I=50&J=50&InFo_fOrMaT=application/json"
                + "&FoRmAt=image/png" + (count == null ? "" : "&FeAtUrE_CoUnT=" + count));
        assertThat(WmsSupport.contentType(r)).startsWith("application/json");
        return WmsSupport.text(r);
    }

    @Test
    void featureCountOnBasicPolygons() throws Exception {
        // queryable.xml: no FEATURE_COUNT and FEATURE_COUNT=1 answer no more than FEATURE_COUNT=2
        String two = featureInfo("BasicPolygons", "2");
        assertThat(featureInfo("BasicPolygons", null).length()).isLessThanOrEqualTo(two.length());
        assertThat(featureInfo("BasicPolygons", "1").length()).isLessThanOrEqualTo(two.length());
        // (0, 4) lies in both overlapping squares
        assertThat(two).contains("BasicPolygons.");
    }

    @Test
    void featureInfoOnThePolygonLayersByPlainName() throws Exception {
        // a pixel inside each: Blue Lake, the forest, Ashton (NamedPlaces) and a basic polygon
        String[][] cases = {{"Lakes", "0,-0.0020,0.0040,0", "25", "75", "Blue Lake"},
            {"Forests", "-0.0042,-0.0024,0.0042,0.0024", "84", "24", "Green Forest"},
            {"NamedPlaces", "0.0014,-0.0011,0.0042,0.0024", "20", "20", "Ashton"},
            {"BasicPolygons", "-2,2,2,6", "50", "50", "BasicPolygons."}};
        for (String[] c : cases) {
            var r = wms("VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + c[0] + "&QUERY_LAYERS=" + c[0]
                    + "&STYLES=&CRS=CRS:84&BBOX=" + c[1] + "&WIDTH=100&HEIGHT=100&I=" + c[2] + "&J=" + c[3]
                    + "&INFO_FORMAT=text/plain");
            assertThat(WmsSupport.text(r)).as(c[0]).contains(c[4]);
        }
    }

    @Test
    void featureInfoOnEachQueryableLayerInItsAdvertisedBox() throws Exception {
        // getfeatureinfo.xml's each-queryable-layer: the layer's own CRS:84 box at 100×100, I=J=50; a layer of one
        // point (Bridges) must advertise a box with min < max for that request to be a valid one
        for (Element l : layers()) {
            String name = WmsSupport.childText(l, "Name");
            Element box = WmsSupport.children(l, "BoundingBox").stream()
                    .filter(b -> b.getAttribute("CRS").equals("CRS:84")).findFirst().orElseThrow();
            String bbox = String.join(",", box.getAttribute("minx"), box.getAttribute("miny"),
                    box.getAttribute("maxx"), box.getAttribute("maxy"));
            // functions.xml's layer-info: a dimension without a default is given its first value
            StringBuilder dims = new StringBuilder();
            for (Element d : WmsSupport.children(l, "Dimension")) {
                if (!d.hasAttribute("default")) {
                    dims.append('&').append(d.getAttribute("name").toUpperCase(java.util.Locale.ROOT)).append('=')
                            .append(d.getTextContent().replace('/', ',').split(",")[0]);
                }
            }
            var r = wms("VeRsIoN=1.3.0&ReQuEsT=GetFeatureInfo&LaYeRs=" + name + "&QuErY_LaYeRs=" + name
                    + "&StYlEs=&CrS=CRS:84&BbOx=" + bbox + "&WiDtH=100&HeIgHt=100&I=50&J=50"
                    + "&InFo_fOrMaT=application/json&FoRmAt=image/png" + dims);
            assertThat(WmsSupport.contentType(r)).as(name + " " + bbox + ": " + WmsSupport.text(r))
                    .startsWith("application/json");
        }
    }
}
