package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.SpatialStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server as ets-wms13 sees it when testing its data-dependent options: over HTTP, on a fresh embedded store
 * holding only the Blue Lake data set ({@link BlueLake}), imported once for all the classes extending this one.
 * Requests are written as the suite's CTL scripts send them, mixed-case parameter names included.
 */
@SpringBootTest(classes = org.clustergrid.app.ClusterGridApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "clustergrid.demo.enabled=false")
abstract class BlueLakeTestBase {
    static final int WHITE = 0xffffff;
    private static boolean loaded;

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ContextLayerImporter vectors;

    @Autowired
    RasterImporter rasters;

    @Autowired
    SpatialStore store;

    @Autowired
    DataStateSource states;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) throws Exception {
        Path dir = Files.createTempDirectory("clustergrid-bluelake-test");
        r.add("clustergrid.data-dir", dir::toString);
    }

    @BeforeEach
    void loadBlueLake() throws Exception {
        synchronized (BlueLakeTestBase.class) {
            if (!loaded) {
                BlueLake.load(vectors, rasters);
                awaitImports();
                loaded = true;
            }
        }
    }

    /** Waits until the server sees the imports made here, beside its HTTP API (it reads the data state each second). */
    void awaitImports() throws InterruptedException {
        long version = store.dataState().version();
        while (states.current().version() != version) {
            Thread.sleep(50);
        }
    }

    HttpResponse<byte[]> wms(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ogc/wms?"
                + query.replace(" ", "%20").replace(";", "%3B"))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GetMap of the suite's form: 1.3.0, CRS:84, PNG, default styles. */
    HttpResponse<byte[]> getMap(String layers, String bbox, int width, int height, String extra) throws Exception {
        return wms("VeRsIoN=1.3.0&ReQuEsT=GetMap&LaYeRs=" + layers + "&StYlEs=&CrS=CRS:84&BbOx=" + bbox
                + "&WiDtH=" + width + "&HeIgHt=" + height + "&FoRmAt=image/png" + extra);
    }

    static BufferedImage image(HttpResponse<byte[]> r) throws Exception {
        assertThat(WmsSupport.contentType(r)).as(WmsSupport.text(r)).isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    /** Pixels of a sub-image whose ARGB value passes, as the suite's ImageParser counts them. */
    static long count(BufferedImage img, int x, int y, int w, int h, IntPredicate argb) {
        long n = 0;
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                if (argb.test(img.getRGB(i, j))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The suite's {@code count bands="RGB" sample="0xffffff"}. */
    static long white(BufferedImage img, int x, int y, int w, int h) {
        return count(img, x, y, w, h, p -> (p & 0xffffff) == WHITE);
    }

    /** The suite's {@code count bands="A" sample="0"}. */
    static long transparent(BufferedImage img, int x, int y, int w, int h) {
        return count(img, x, y, w, h, p -> (p >>> 24) == 0);
    }

    static String warning(HttpResponse<?> r) {
        return r.headers().firstValue("Warning").orElse("");
    }
}
