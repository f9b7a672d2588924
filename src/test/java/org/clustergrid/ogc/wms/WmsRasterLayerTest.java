package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.clustergrid.raster.ColourRamp;
import org.clustergrid.render.Projection;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A UTM raster of Pokhara uploaded and served by WMS: drawn in longitude/latitude and Web Mercator with each cell in
 * its ramp colour where GDAL reads its value, no data transparent, queried, given a legend and an attribution, listed,
 * and gone once deleted.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + WmsRasterLayerTest.TOKEN)
class WmsRasterLayerTest extends ServerTest {
    static final String TOKEN = "wms-raster-token";
    static final Path GRID = Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif");
    static final String RAMP = "0:#000000, 3000:#ff0000";
    /**
     * Cell centres (longitude, latitude; gdaltransform from EPSG:32644) and their values (gdallocationinfo -wgs84):
     * cells (5, 5), (30, 20), (15, 25); the last is cell (21, 11), no data.
     */
    static final double[][] CELLS = {{83.9486619, 28.2292766, 505}, {84.0113275, 28.1940847, 2030},
        {83.9728591, 28.1836511, 2515}, {83.9889989, 28.2148700, Double.NaN}};

    HttpResponse<byte[]> wms(String query) throws Exception {
        return send("/ogc/wms?SERVICE=WMS&" + query, HttpResponse.BodyHandlers.ofByteArray());
    }

    BufferedImage map(String query) throws Exception {
        HttpResponse<byte[]> r = wms("REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&TRANSPARENT=TRUE&STYLES=&" + query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    HttpResponse<String> upload(String as, String ramp) throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"kind", "layer"}, {"as", as}, {"title", "Relief of Pokhara"},
            {"attribution", "Test grid, CC BY 4.0"}, {"ramp", ramp}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n"
                    + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"grid.tif\""
                + "\r\nContent-Type: image/tiff\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(GRID));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int rgb(double value) {
        return ColourRamp.parse(RAMP).argb(value) & 0xFFFFFF;
    }

    @Test
    void aRasterIsDrawnQueriedListedAndDeleted() throws Exception {
        HttpResponse<String> created = upload("relief", RAMP);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode layer = JSON.readTree(created.body()).get("layer");
        assertThat(layer.get("min").asDouble()).isEqualTo(0);
        assertThat(layer.get("max").asDouble()).isEqualTo(2939);

        // longitude/latitude, 0.00025° a pixel from 83.93° E, 28.245° N
        BufferedImage lonLat = map("LAYERS=relief&CRS=CRS:84&BBOX=83.93,28.17,84.04,28.245&WIDTH=440&HEIGHT=300");
        for (double[] c : CELLS) {
            int argb = lonLat.getRGB((int) ((c[0] - 83.93) / 0.00025), (int) ((28.245 - c[1]) / 0.00025));
            assertPixel(argb, c[2]);
        }
        assertThat(lonLat.getRGB(5, 5) >>> 24).as("west of the grid").isZero();

        // Web Mercator, about 20 m a pixel
        Projection m = Projection.WEB_MERCATOR;
        double x0 = m.x(83.93);
        double y1 = m.y(28.245);
        double size = 20;
        BufferedImage mercator = map(String.format(Locale.ROOT,
                "LAYERS=relief&CRS=EPSG:3857&BBOX=%f,%f,%f,%f&WIDTH=600&HEIGHT=500", x0, y1 - 500 * size,
                x0 + 600 * size, y1));
        for (double[] c : CELLS) {
            int argb = mercator.getRGB((int) ((m.x(c[0]) - x0) / size), (int) ((y1 - m.y(c[1])) / size));
            assertPixel(argb, c[2]);
        }

        HttpResponse<byte[]> info = wms("REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=relief&QUERY_LAYERS=relief"
                + "&STYLES=&CRS=CRS:84&BBOX=83.93,28.17,84.04,28.245&WIDTH=440&HEIGHT=300&INFO_FORMAT=application/json"
                + "&I=" + (int) ((CELLS[1][0] - 83.93) / 0.00025) + "&J=" + (int) ((28.245 - CELLS[1][1]) / 0.00025));
        JsonNode cell = JSON.readTree(info.body()).get("features").get(0).get("properties");
        assertThat(cell.get("value").asDouble()).isEqualTo(2030);
        assertThat(cell.get("column").asInt()).isEqualTo(30);
        assertThat(cell.get("row").asInt()).isEqualTo(20);

        String caps = new String(wms("REQUEST=GetCapabilities&VERSION=1.3.0").body(), StandardCharsets.UTF_8);
        assertThat(caps).contains("<Name>relief</Name><Title>Relief of Pokhara</Title>")
                .contains("<Attribution><Title>Test grid, CC BY 4.0</Title></Attribution>");
        BufferedImage legend = ImageIO.read(new ByteArrayInputStream(wms(
                "REQUEST=GetLegendGraphic&VERSION=1.1.0&FORMAT=image/png&LAYER=relief").body()));
        assertThat(legend.getHeight()).isGreaterThan(20);
        assertThat(JSON.readTree(send("/api/raster-layers", HttpResponse.BodyHandlers.ofString()).body())
                .findValuesAsText("name")).containsExactly("relief");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/layers/relief")))
                .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        String gone = new String(wms("REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&STYLES=&LAYERS=relief&CRS=CRS:84"
                + "&BBOX=83.93,28.17,84.04,28.245&WIDTH=44&HEIGHT=30").body(), StandardCharsets.UTF_8);
        assertThat(gone).contains("LayerNotDefined");
    }

    @Test
    void aBadRampIsRefusedWithItsStop() throws Exception {
        HttpResponse<String> r = upload("bad_relief", "0:#000000, 100:red");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("100:red").contains("no colour");
        assertThat(send("/api/raster-layers/bad_relief", HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    private static void assertPixel(int argb, double value) {
        if (Double.isNaN(value)) {
            assertThat(argb >>> 24).as("no data is transparent").isZero();
        } else {
            assertThat(argb >>> 24).isEqualTo(255);
            assertThat(argb & 0xFFFFFF).as("value %s", value).isEqualTo(rgb(value));
        }
    }
}
