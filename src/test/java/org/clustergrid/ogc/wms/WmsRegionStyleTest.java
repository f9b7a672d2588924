package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.render.ScoreClasses;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The land borders of India, Nepal and Pakistan drawn with the style {@code scores}: India, which holds the demo
 * region's clusters, in the class of the mean score {@code /api/regions} gives it; the other two grey, never coloured
 * as a score of 0; GetFeatureInfo and the legend say the same.
 */
class WmsRegionStyleTest extends ServerTest {
    /** CRS:84, 60–90° E, 20–38° N, 0.05° a pixel. */
    static final String BOX = "CRS=CRS:84&BBOX=60,20,90,38&WIDTH=600&HEIGHT=360";

    @Autowired
    ContextLayerImporter importer;

    HttpResponse<byte[]> wms(String query) throws Exception {
        return send("/ogc/wms?SERVICE=WMS&VERSION=1.3.0&" + query, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void areasAreColouredByTheirClustersMeanScore() throws Exception {
        importer.run(new ContextLayerImporter.Request(List.of(Path.of(
                "src/test/resources/boundaries/south-asia-countries.geojson")), null, "countries", "Countries", null,
                null, null, null, null));
        JsonNode regions = JSON.readTree(send("/api/regions/countries", HttpResponse.BodyHandlers.ofString()).body())
                .get("regions");
        double indiaMean = -1;
        for (JsonNode r : regions) {
            if (r.toString().contains("\"IND\"")) {
                indiaMean = r.get("composite").get("mean").asDouble();
            }
        }
        assertThat(indiaMean).isBetween(0.0, 100.0);

        HttpResponse<byte[]> r = wms("REQUEST=GetMap&FORMAT=image/png&TRANSPARENT=TRUE&LAYERS=countries&STYLES=scores&"
                + BOX);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("image/png");
        BufferedImage map = ImageIO.read(new ByteArrayInputStream(r.body()));
        int india = map.getRGB(at(78), row(22)) & 0xFFFFFF;
        int nepal = map.getRGB(at(84), row(28.2)) & 0xFFFFFF;
        int pakistan = map.getRGB(at(70), row(30)) & 0xFFFFFF;
        assertThat(india).isEqualTo(ScoreClasses.fixed(false).colour(indiaMean).getRGB() & 0xFFFFFF);
        assertThat(nepal).as("no scored cluster").isEqualTo(ScoreClasses.NO_SCORE.getRGB() & 0xFFFFFF);
        assertThat(pakistan).as("no scored cluster").isEqualTo(ScoreClasses.NO_SCORE.getRGB() & 0xFFFFFF);
        assertThat(map.getRGB(at(89), row(37)) >>> 24).as("outside every country").isZero();

        JsonNode info = JSON.readTree(wms("REQUEST=GetFeatureInfo&LAYERS=countries&QUERY_LAYERS=countries&STYLES=scores"
                + "&INFO_FORMAT=application/json&I=" + at(84) + "&J=" + row(28.2) + "&" + BOX).body());
        JsonNode p = info.get("features").get(0).get("properties");
        assertThat(p.get("A3").asText()).isEqualTo("NPL");
        assertThat(p.get("clusters").asInt()).isZero();
        assertThat(p.get("composite_mean").isNull()).isTrue();
        assertThat(p.get("composite_mean_missing").asText()).isEqualTo("no scored cluster in this area");

        String caps = new String(wms("REQUEST=GetCapabilities").body(), StandardCharsets.UTF_8);
        assertThat(caps).contains("<Style><Name>scores</Name><Title>" + RegionScoreLayer.TITLE + "</Title>");
        BufferedImage legend = ImageIO.read(new ByteArrayInputStream(wms(
                "REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=countries&STYLE=scores").body()));
        assertThat(legend.getHeight()).isGreaterThan(5 * 16);
        // the default look is still GeoServer's grey
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(wms(
                "REQUEST=GetMap&FORMAT=image/png&LAYERS=countries&STYLES=&" + BOX).body()));
        assertThat(plain.getRGB(at(78), row(22)) & 0xFFFFFF).isEqualTo(0xAAAAAA);
    }

    private static int at(double lon) {
        return (int) ((lon - 60) / 0.05);
    }

    private static int row(double lat) {
        return (int) ((38 - lat) / 0.05);
    }
}
