package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ogc.conformance.WmsSupport.WMS_NS;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * ets-wms13's dimension options replayed on the Blue Lake data: raster elevation (cite:Terrain,
 * {@code raster_elevation.xml}), vector elevation (cite:Lakes, {@code vector_elevation.xml}), time (cite:Autos,
 * {@code time.xml}) and the data-independent {@code dimensions.xml}, with the suite's requests and pixel counts.
 */
class Wms13DimensionConformanceTest extends BlueLakeTestBase {
    private static final String TERRAIN_BOX = "-0.5,-0.5,0.5,0.5";
    private static final String LAKES_BOX = "0,-0.002,0.004,0";
    private static final String AUTOS_BOX = "-0.0042,-0.0024,0.0042,0.0024";
    /** time.xml's autos-parser: the 10×10 boxes where each auto is drawn at 420×240. */
    private static final int[][] AUTOS = {{135, 105}, {95, 115}, {60, 125}, {45, 135}, {45, 155}, {45, 185},
        {45, 225}, {45, 5}, {45, 55}, {45, 105}, {45, 205}, {75, 215}, {75, 175}, {75, 135}, {75, 95}, {75, 55},
        {350, 20}, {345, 45}};

    private Element dimension(String title, String name) throws Exception {
        var r = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        WmsSupport.validate(WmsSupport.CAPABILITIES, r.body());
        NodeList layers = WmsSupport.parse(r.body()).getElementsByTagNameNS(WMS_NS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            if (title.equals(WmsSupport.childText(l, "Title"))) {
                for (Element d : WmsSupport.children(l, "Dimension")) {
                    if (d.getAttribute("name").equals(name)) {
                        return d;
                    }
                }
            }
        }
        throw new AssertionError("no " + name + " dimension on " + title);
    }

    @Test
    void capabilitiesDeclareTheDimensionsAsTheSuiteRequires() throws Exception {
        Element terrain = dimension("cite:Terrain", "elevation");
        assertThat(Map.of("units", terrain.getAttribute("units"), "unitSymbol", terrain.getAttribute("unitSymbol"),
                "multipleValues", terrain.getAttribute("multipleValues"), "nearestValue",
                terrain.getAttribute("nearestValue"), "extent", terrain.getTextContent(), "default",
                terrain.getAttribute("default"))).isEqualTo(Map.of("units", "CRS:88", "unitSymbol", "m",
                "multipleValues", "true", "nearestValue", "false", "extent", "0/425/1", "default", "0/425"));
        Element lakes = dimension("cite:Lakes", "elevation");
        assertThat(List.of(lakes.getAttribute("units"), lakes.getAttribute("unitSymbol"), lakes.getAttribute("default"),
                lakes.getAttribute("multipleValues"), lakes.getAttribute("nearestValue"), lakes.getTextContent()))
                .containsExactly("CRS:88", "m", "500", "false", "true", "500,490,480");
        Element autos = dimension("cite:Autos", "time");
        assertThat(List.of(autos.getAttribute("units"), autos.getAttribute("multipleValues"),
                autos.getAttribute("nearestValue"), autos.getTextContent()))
                .containsExactly("ISO8601", "true", "true", BlueLake.TIME_EXTENT);
        // 1.1.1: the units in Dimension, the values in Extent
        String v111 = WmsSupport.text(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1"));
        assertThat(v111).contains("<Dimension name=\"elevation\" units=\"EPSG:5030\" unitSymbol=\"m\"></Dimension>")
                .contains("<Extent name=\"elevation\" default=\"500\" nearestValue=\"1\">500,490,480</Extent>")
                .contains("<Extent name=\"time\" default=\"2000-01-01T00:01:00Z\" nearestValue=\"1\">"
                        + BlueLake.TIME_EXTENT + "</Extent>");
    }

    private BufferedImage terrain(String elevation) throws Exception {
        var r = getMap("Terrain", TERRAIN_BOX, 600, 600, "&TrAnSpArEnT=TRUE&ElEvAtIoN=" + elevation);
        return image(r);
    }

    @Test
    void terrainLowRangeShowsOnlyTheLowSpot() throws Exception {
        BufferedImage img = terrain("0/200");
        assertThat(transparent(img, 450, 450, 150, 150)).isZero();
        assertThat(transparent(img, 0, 0, 600, 600)).isEqualTo(337_500);
    }

    @Test
    void terrainMidRangeLeavesOutBothSpots() throws Exception {
        BufferedImage img = terrain("200/335");
        assertThat(transparent(img, 0, 0, 150, 150)).isEqualTo(22_500);
        assertThat(transparent(img, 450, 450, 150, 150)).isEqualTo(22_500);
        assertThat(transparent(img, 0, 0, 600, 600)).isEqualTo(45_000);
    }

    @Test
    void terrainHighRangeShowsOnlyTheHighSpot() throws Exception {
        BufferedImage img = terrain("335/425");
        assertThat(transparent(img, 0, 0, 150, 150)).isZero();
        assertThat(transparent(img, 0, 0, 600, 600)).isEqualTo(337_500);
    }

    @Test
    void terrainTwoRangesShowBothSpots() throws Exception {
        BufferedImage img = terrain("0/200,335/425");
        assertThat(transparent(img, 0, 0, 150, 150)).isZero();
        assertThat(transparent(img, 450, 450, 150, 150)).isZero();
        assertThat(transparent(img, 0, 0, 600, 600)).isEqualTo(315_000);
    }

    @Test
    void terrainRangeAndValue() throws Exception {
        BufferedImage img = terrain("0/200,250");
        assertThat(transparent(img, 0, 0, 150, 150)).isEqualTo(22_500);
        assertThat(transparent(img, 450, 450, 150, 150)).isZero();
        assertThat(transparent(img, 0, 0, 600, 600)).isGreaterThan(22_500);
        // the cells of exactly 250 m show beside the low spot
        assertThat(transparent(img, 0, 0, 600, 600)).isLessThan(337_500);
    }

    @Test
    void terrainSingleValueShowsItsCellsOnly() throws Exception {
        long n = transparent(terrain("250"), 0, 0, 600, 600);
        assertThat(n).isGreaterThan(45_000).isLessThan(360_000);
    }

    @Test
    void terrainElevationOutsideTheExtentIsInvalid() throws Exception {
        var r = getMap("Terrain", TERRAIN_BOX, 600, 600, "&TrAnSpArEnT=TRUE&ElEvAtIoN=1000");
        assertThat(WmsSupport.exceptionCode(r)).isEqualTo("InvalidDimensionValue");
    }

    @Test
    void terrainWithoutElevationUsesTheDefaultAndSaysSo() throws Exception {
        var r = getMap("Terrain", TERRAIN_BOX, 600, 600, "&TrAnSpArEnT=TRUE");
        // raster_elevation.xml: starts-with(lower-case(.), '99 default value used: elevation=0/425'), '99 D'
        assertThat(warning(r)).isEqualTo("99 Default value used: elevation=0/425 m");
        assertThat(transparent(image(r), 0, 0, 600, 600)).isZero();
    }

    @Test
    void terrainWithALayerWithoutElevationIsAMap() throws Exception {
        var r = getMap("Terrain,BasicPolygons", TERRAIN_BOX, 600, 600, "&ElEvAtIoN=0/425");
        assertThat(WmsSupport.contentType(r)).isEqualTo("image/png");
    }

    private BufferedImage lakes(String elevation) throws Exception {
        return image(getMap("Lakes", LAKES_BOX, 200, 100, "&ElEvAtIoN=" + elevation));
    }

    @Test
    void lakesAtEachElevation() throws Exception {
        BufferedImage low = lakes("480");
        assertThat(List.of(white(low, 0, 0, 50, 100), white(low, 65, 35, 10, 30), white(low, 100, 0, 100, 100)))
                .containsExactly(5000L, 0L, 10_000L);
        BufferedImage med = lakes("490");
        assertThat(List.of(white(med, 0, 0, 40, 100), white(med, 60, 30, 15, 45), white(med, 60, 60, 60, 10),
                white(med, 100, 0, 100, 50), white(med, 130, 50, 70, 50))).containsExactly(4000L, 0L, 0L, 5000L, 3500L);
        BufferedImage high = lakes("500");
        assertThat(List.of(white(high, 0, 0, 20, 100), white(high, 50, 30, 35, 50), white(high, 85, 55, 55, 20),
                white(high, 170, 0, 30, 100))).containsExactly(2000L, 0L, 0L, 3000L);
    }

    @Test
    void lakesTakeOneElevationOnly() throws Exception {
        assertThat(WmsSupport.exceptionCode(getMap("Lakes", LAKES_BOX, 200, 100, "&ElEvAtIoN=500,480")))
                .isEqualTo("InvalidDimensionValue");
        assertThat(WmsSupport.exceptionCode(getMap("Lakes", LAKES_BOX, 200, 100, "&ElEvAtIoN=480/500")))
                .isEqualTo("InvalidDimensionValue");
    }

    @Test
    void lakesBetweenElevationsUseTheNearestAndSaySo() throws Exception {
        var r = getMap("Lakes", LAKES_BOX, 200, 100, "&ElEvAtIoN=492");
        assertThat(warning(r)).isEqualTo("99 Nearest value used: elevation=490 m");
        assertThat(r.body()).isEqualTo(getMap("Lakes", LAKES_BOX, 200, 100, "&ElEvAtIoN=490").body());
    }

    @Test
    void lakesWithoutElevationUseTheDefaultAndSaySo() throws Exception {
        var r = getMap("Lakes", LAKES_BOX, 200, 100, "");
        assertThat(warning(r)).isEqualTo("99 Default value used: elevation=500 m");
        assertThat(r.body()).isEqualTo(getMap("Lakes", LAKES_BOX, 200, 100, "&ElEvAtIoN=500").body());
    }

    @Test
    void lakesWithALayerWithoutElevationIsAMap() throws Exception {
        var r = getMap("Lakes,Streams", LAKES_BOX, 200, 100, "&ElEvAtIoN=480");
        assertThat(WmsSupport.contentType(r)).isEqualTo("image/png");
        assertThat(warning(r)).isEmpty();
    }

    /** The boxes of time.xml's autos-parser that hold no drawn pixel (all 100 pixels white), by number 1–18. */
    private List<Integer> emptyBoxes(String time) throws Exception {
        BufferedImage img = image(getMap("Autos", AUTOS_BOX, 420, 240, "&TiMe=" + time));
        return IntStream.range(0, AUTOS.length).filter(i -> white(img, AUTOS[i][0], AUTOS[i][1], 10, 10) == 100)
                .mapToObj(i -> i + 1).toList();
    }

    private static List<Integer> allBut(Integer... drawn) {
        List<Integer> shown = List.of(drawn);
        return IntStream.rangeClosed(1, AUTOS.length).boxed().filter(i -> !shown.contains(i)).toList();
    }

    @Test
    void autosAtEachInstant() throws Exception {
        // time.xml's time-each-instant: instant n is 2000-01-01T00:00:(5(n-1))Z, the 13th 00:01:00Z
        Map<Integer, List<Integer>> drawn = Map.ofEntries(Map.entry(1, List.of(1)), Map.entry(2, List.of(2)),
                Map.entry(3, List.of(3)), Map.entry(4, List.of(4)), Map.entry(5, List.of(5, 8)),
                Map.entry(6, List.of(6, 9)), Map.entry(7, List.of(7, 10)), Map.entry(8, List.of(5)),
                Map.entry(9, List.of(11, 12)), Map.entry(10, List.of(13)), Map.entry(11, List.of(14)),
                Map.entry(12, List.of(15, 17)), Map.entry(13, List.of(16, 18)));
        for (int n = 1; n <= 13; n++) {
            String instant = n == 13 ? "2000-01-01T00:01:00Z"
                    : String.format("2000-01-01T00:00:%02dZ", ((n - 1) % 12) * 5);
            assertThat(emptyBoxes(instant)).as("instant " + n + " " + instant)
                    .isEqualTo(allBut(drawn.get(n).toArray(Integer[]::new)));
        }
    }

    @Test
    void autosOverIntervalsAndLists() throws Exception {
        assertThat(emptyBoxes("2000-01-01T00:00:50Z/2000-01-01T00:01:00Z")).isEqualTo(allBut(14, 15, 16, 17, 18));
        assertThat(emptyBoxes("2000-01-01T00:00:00Z,2000-01-01T00:00:50Z/2000-01-01T00:01:00Z"))
                .isEqualTo(allBut(1, 14, 15, 16, 17, 18));
        assertThat(emptyBoxes("2000-01-01T00:00:00Z/2000-01-01T00:00:10Z,2000-01-01T00:00:50Z/2000-01-01T00:01:00Z"))
                .isEqualTo(allBut(1, 2, 3, 14, 15, 16, 17, 18));
        assertThat(emptyBoxes("2000-01-01T00:00:00Z,2000-01-01T00:01:00Z")).isEqualTo(allBut(1, 16, 18));
    }

    @Test
    void autosBetweenInstantsUseTheNearestAndSaySo() throws Exception {
        var r = getMap("Autos", AUTOS_BOX, 420, 240, "&TiMe=2000-01-01T00:00:06Z");
        assertThat(warning(r)).isEqualTo("99 Nearest value used: time=2000-01-01T00:00:05Z ISO8601");
        assertThat(r.body()).isEqualTo(getMap("Autos", AUTOS_BOX, 420, 240, "&TiMe=2000-01-01T00:00:05Z").body());
    }

    @Test
    void autosWithoutTimeUseTheDefaultAndSaySo() throws Exception {
        var r = getMap("Autos", AUTOS_BOX, 420, 240, "");
        // time.xml's time-default: the value starts at character 29, '99 default value used: time=' before it
        assertThat(warning(r)).isEqualTo("99 Default value used: time=2000-01-01T00:01:00Z ISO8601");
        assertThat(warning(r).substring(28)).startsWith("2000-01-01T00:01:00Z");
    }

    @Test
    void autosWithLayersWithoutTimeIsAMap() throws Exception {
        var r = getMap("DividedRoutes,RoadSegments,Autos", AUTOS_BOX, 420, 240, "&TiMe=2000-01-01T00:00:30Z");
        assertThat(WmsSupport.contentType(r)).isEqualTo("image/png");
    }

    @Test
    void aTimeOutsideTheExtentOrNotATimeIsInvalidWhereNoNearestIsTaken() throws Exception {
        assertThat(WmsSupport.exceptionCode(getMap("Autos", AUTOS_BOX, 420, 240, "&TiMe=yesterday")))
                .isEqualTo("InvalidDimensionValue");
        assertThat(WmsSupport.exceptionCode(getMap("Autos", AUTOS_BOX, 420, 240, "&TiMe=current")))
                .isEqualTo("InvalidDimensionValue");
        assertThat(WmsSupport.exceptionCode(getMap("Autos", AUTOS_BOX, 420, 240,
                "&TiMe=2001-01-01T00:00:00Z/2001-02-01T00:00:00Z"))).isEqualTo("InvalidDimensionValue");
    }

    @Test
    void aDimensionWithoutDefaultMissingIsMissingDimensionValue() throws Exception {
        // dimensions.xml: a layer whose dimension has no default, asked for without it
        BlueLake.run(vectors, rasters, List.of("layer", BlueLake.data().resolve("shapefile/Autos.shp").toString(),
                "--as", "AutosAnyTime", "--time-attribute", "TIME", "--time", BlueLake.TIME_EXTENT));
        awaitImports();
        var r = getMap("AutosAnyTime", AUTOS_BOX, 420, 240, "");
        assertThat(WmsSupport.exceptionCode(r)).isEqualTo("MissingDimensionValue");
        assertThat(WmsSupport.text(r)).contains("locator=\"TIME\"");
        // drawn as a part of the root group (which declares no dimension) it is drawn whole
        var all = wms("VERSION=1.3.0&REQUEST=GetMap&LAYERS=clustergrid&STYLES=&CRS=CRS:84&BBOX=" + AUTOS_BOX
                + "&WIDTH=420&HEIGHT=240&FORMAT=image/png");
        assertThat(WmsSupport.contentType(all)).isEqualTo("image/png");
        // derived values: the attribute's distinct instants
        BlueLake.run(vectors, rasters, List.of("layer", BlueLake.data().resolve("shapefile/Autos.shp").toString(),
                "--as", "AutosDerived", "--time-attribute", "TIME"));
        awaitImports();
        var caps = WmsSupport.text(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"));
        assertThat(caps).contains(">2000-01-01T00:00:00Z,2000-01-01T00:00:05Z,");
    }

    @Test
    void featureInfoOnLakesFollowsTheElevation() throws Exception {
        String q = "VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=Lakes&QUERY_LAYERS=Lakes&STYLES=&CRS=CRS:84&BBOX="
                + LAKES_BOX + "&WIDTH=200&HEIGHT=100&INFO_FORMAT=application/json&I=70&J=50&FEATURE_COUNT=5";
        // at (70, 50) all three outlines overlap: each elevation finds its own
        HttpResponse<byte[]> at480 = wms(q + "&ELEVATION=480");
        HttpResponse<byte[]> byDefault = wms(q);
        assertThat(WmsSupport.text(at480)).contains("\"ELEV\":480");
        assertThat(WmsSupport.text(at480)).doesNotContain("\"ELEV\":500");
        assertThat(WmsSupport.text(byDefault)).contains("\"ELEV\":500").doesNotContain("\"ELEV\":480");
        assertThat(warning(byDefault)).isEqualTo("99 Default value used: elevation=500 m");
    }
}
