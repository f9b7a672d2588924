package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.clustergrid.api.ApiTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;

/**
 * User styles (SLD) on an imported layer: stored per layer and sent with a request, drawn and given a legend as
 * specified, declared in the capabilities; documents with a DOCTYPE (external entities, entity expansion), style URLs
 * and oversize documents refused.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + WmsContextLayerTest.TOKEN)
class WmsSldTest extends ServerTest {
    static final String TOKEN = WmsContextLayerTest.TOKEN;
    /** Nepal red, every other country green. */
    static final String NEPAL_RED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><Name>countries</Name>
                <UserStyle><Name>nepal_red</Name><Title>Nepal in red</Title>
                  <FeatureTypeStyle>
                    <Rule><Title>Nepal</Title>
                      <ogc:Filter><ogc:PropertyIsEqualTo>
                        <ogc:PropertyName>A3</ogc:PropertyName><ogc:Literal>NPL</ogc:Literal>
                      </ogc:PropertyIsEqualTo></ogc:Filter>
                      <PolygonSymbolizer><Fill><CssParameter name="fill">#FF0000</CssParameter></Fill></PolygonSymbolizer>
                    </Rule>
                    <Rule><Title>Other countries</Title><ElseFilter/>
                      <PolygonSymbolizer><Fill><CssParameter name="fill">#00AA00</CssParameter></Fill></PolygonSymbolizer>
                    </Rule>
                  </FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>
            """;
    /** CRS:84, 70–90° E, 15–35° N, 400 × 400: 0.05° a pixel. */
    static final String BOX = "CRS=CRS:84&BBOX=70,15,90,35&WIDTH=400&HEIGHT=400";
    /** Pokhara (84.0 E, 28.2 N) and a point inside India (78 E, 22 N). */
    static final int POKHARA_I = 280;
    static final int POKHARA_J = 136;
    static final int INDIA_I = 160;
    static final int INDIA_J = 260;
    static final int RED = 0xFF0000;
    static final int GREEN = 0x00AA00;
    static final String DOCTYPE = "SLD must not contain a DOCTYPE (external entities and entity expansion are refused)";

    HttpResponse<byte[]> wms(String query) throws Exception {
        return send("/ogc/wms?" + query, HttpResponse.BodyHandlers.ofByteArray());
    }

    String text(String query) throws Exception {
        return new String(wms(query).body(), StandardCharsets.UTF_8);
    }

    BufferedImage image(String query) throws Exception {
        HttpResponse<byte[]> r = wms(query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    BufferedImage map(String query) throws Exception {
        return image("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX + "&" + query);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> style(String method, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/admin/layers/countries/style")))
                .header("X-Admin-Token", TOKEN);
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void assertNepalRedIndiaGreen(BufferedImage img, String how) {
        assertThat(WmsContextLayerTest.rgb(img, POKHARA_I, POKHARA_J)).as(how + ": Pokhara").isEqualTo(RED);
        assertThat(WmsContextLayerTest.rgb(img, INDIA_I, INDIA_J)).as(how + ": India").isEqualTo(GREEN);
    }

    void upload() throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "layer") + ApiTest.part(boundary, "as", null, "countries")
                + ApiTest.part(boundary, "file", "countries.geojson", Files.readString(
                        Path.of(WmsContextLayerTest.BORDERS))) + "--" + boundary + "--\r\n";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aStoredStyleIsDrawnDeclaredAndGivenALegendUntilRemoved() throws Exception {
        upload();
        assertThat(send("/api/context-layers/countries/style", HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> put = style("PUT", NEPAL_RED, "application/vnd.ogc.sld+xml");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).path("style").asText()).isEqualTo("nepal_red");
        HttpResponse<String> got = send("/api/context-layers/countries/style", HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.sld+xml");
        assertThat(got.body()).isEqualTo(NEPAL_RED);

        for (String styles : new String[] {"STYLES=", "STYLES=default", "STYLES=nepal_red"}) {
            assertNepalRedIndiaGreen(map("LAYERS=countries&" + styles), styles);
        }
        assertThat(text("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                + "&LAYERS=countries&STYLES=bold")).contains("StyleNotDefined");

        // declared by its name, not as "default" (the root's, inherited); the document stays schema-valid
        byte[] caps = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body();
        Element countries = WmsTest.capabilitiesLayer(caps, "countries");
        Element style = WmsTest.child(countries, "Style");
        assertThat(WmsTest.childText(style, "Name")).isEqualTo("nepal_red");
        assertThat(WmsTest.childText(style, "Title")).isEqualTo("Nepal in red");
        assertThat(new String(caps, StandardCharsets.UTF_8).split("<Name>default</Name>", -1)).hasSize(2);
        WmsContextLayerTest.validate(caps);

        for (String legendStyle : new String[] {"", "nepal_red"}) {
            BufferedImage legend = image("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=countries"
                    + "&STYLE=" + legendStyle);
            assertThat(WmsContextLayerTest.hasColour(legend, RED)).isTrue();
            assertThat(WmsContextLayerTest.hasColour(legend, GREEN)).isTrue();
        }

        // a style that cannot be drawn is refused, the stored one kept
        HttpResponse<String> bad = style("PUT", NEPAL_RED.replace("#00AA00", "green"), "application/xml");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("fill 'green' is not a colour #RRGGBB");
        HttpResponse<String> doctype = style("PUT", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + NEPAL_RED.substring(NEPAL_RED.indexOf("<StyledLayerDescriptor")), "text/xml");
        assertThat(doctype.statusCode()).isEqualTo(400);
        assertThat(doctype.body()).contains(DOCTYPE);
        HttpResponse<String> big = style("PUT", NEPAL_RED.replace("<Title>Nepal</Title>", "<Title>Nepal</Title><!--"
                + "x".repeat(300_000) + "-->"), "application/xml");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("larger than 256 KB");
        assertThat(style("PUT", NEPAL_RED, "text/plain").statusCode()).isEqualTo(415);
        assertNepalRedIndiaGreen(map("LAYERS=countries&STYLES="), "after refusals");

        // removed: the default look again, and no style declared
        assertThat(style("DELETE", null, null).statusCode()).isEqualTo(204);
        assertThat(WmsContextLayerTest.rgb(map("LAYERS=countries&STYLES="), POKHARA_I, POKHARA_J))
                .isEqualTo(WmsContextLayerTest.GREY_FILL);
        assertThat(text("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                + "&LAYERS=countries&STYLES=nepal_red")).contains("StyleNotDefined");
        assertThat(send("/api/context-layers/countries/style", HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anSldBodyStylesTheRequestAndUnsafeOrRemoteStylesAreRefused() throws Exception {
        upload();
        String body = "SLD_BODY=" + enc(NEPAL_RED);
        assertNepalRedIndiaGreen(map("LAYERS=countries&STYLES=&" + body), "LAYERS and SLD_BODY");
        assertNepalRedIndiaGreen(map(body), "SLD_BODY alone");
        assertNepalRedIndiaGreen(image("SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&FORMAT=image/png&SRS=EPSG:4326"
                + "&BBOX=70,15,90,35&WIDTH=400&HEIGHT=400&LAYERS=countries&STYLES=&" + body), "1.1.1");
        // the stored look is untouched
        assertThat(WmsContextLayerTest.rgb(map("LAYERS=countries&STYLES="), POKHARA_I, POKHARA_J))
                .isEqualTo(WmsContextLayerTest.GREY_FILL);
        BufferedImage legend = image("SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=countries&"
                + body);
        assertThat(WmsContextLayerTest.hasColour(legend, RED)).isTrue();
        assertThat(WmsContextLayerTest.hasColour(legend, GREEN)).isTrue();
        // GetFeatureInfo reads the features the SLD draws
        String info = text("SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&" + BOX + "&LAYERS=countries"
                + "&QUERY_LAYERS=countries&STYLES=&INFO_FORMAT=text/plain&I=" + POKHARA_I + "&J=" + POKHARA_J
                + "&" + body);
        assertThat(info).contains("A3 = NPL");

        String sld = NEPAL_RED.substring(NEPAL_RED.indexOf("<StyledLayerDescriptor"));
        String external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + sld.replace("<Title>Nepal</Title>", "<Title>&e;</Title>");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        laughs.append("]>").append(sld.replace("<Title>Nepal</Title>", "<Title>&lol9;</Title>"));
        for (String doc : new String[] {external, laughs.toString()}) {
            for (String request : new String[] {"REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                    + "&LAYERS=countries&STYLES=", "REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=countries"}) {
                long t = System.nanoTime();
                String refused = text("SERVICE=WMS&" + request + "&SLD_BODY=" + enc(doc));
                assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(2));
                assertThat(refused).contains("ServiceException").contains("InvalidParameterValue")
                        .contains("SLD_BODY refused: " + DOCTYPE).doesNotContain("root:");
            }
        }

        String remote = text("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                + "&LAYERS=countries&STYLES=&SLD=" + enc("http://169.254.169.254/latest/meta-data/"));
        assertThat(remote).contains("InvalidParameterValue").contains("locator=\"SLD\"").contains("SLD_BODY");

        String builtIn = text("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                + "&LAYERS=roads&STYLES=&SLD_BODY=" + enc(NEPAL_RED.replace("<Name>countries</Name>",
                        "<Name>roads</Name>")));
        assertThat(builtIn).contains("StyleNotDefined").contains("built-in layers are drawn in their named styles");
        String broken = text("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                + "&LAYERS=countries&STYLES=&SLD_BODY=" + enc(NEPAL_RED.replace("<FeatureTypeStyle>", "")
                        .replace("</FeatureTypeStyle>", "")));
        assertThat(broken).contains("SLD_BODY refused: UserStyle nepal_red has no FeatureTypeStyle");
        // a request's URL is bounded by the container (8 KB by default), well below the SLD limit of 256 KB
        HttpResponse<byte[]> long_ = wms("SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&FORMAT=image/png&" + BOX
                + "&LAYERS=countries&STYLES=&SLD_BODY=" + enc(NEPAL_RED.replace("<Title>Nepal</Title>",
                        "<Title>Nepal</Title><!--" + "x".repeat(20_000) + "-->")));
        assertThat(long_.statusCode()).isIn(400, 414);
    }

    /**
     * A TextSymbolizer labels each country with its code, placed at its inner point like the built-in layers' labels:
     * the map with labels differs from the one without only around the labels, and the fill stays as the rules say.
     */
    @Test
    void aTextSymbolizerLabelsTheAreas() throws Exception {
        upload();
        String labelled = NEPAL_RED.replace("<ElseFilter/>", "<ElseFilter/>\n<TextSymbolizer><Label>"
                + "<ogc:PropertyName>A3</ogc:PropertyName></Label></TextSymbolizer>").replace(
                "</ogc:Filter>", "</ogc:Filter>\n<TextSymbolizer><Label><ogc:PropertyName>A3</ogc:PropertyName>"
                + "</Label></TextSymbolizer>");
        BufferedImage plain = map("LAYERS=countries&STYLES=&SLD_BODY=" + enc(NEPAL_RED));
        BufferedImage text = map("LAYERS=countries&STYLES=&SLD_BODY=" + enc(labelled));
        int changed = 0;
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                if (plain.getRGB(x, y) != text.getRGB(x, y)) {
                    changed++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                }
            }
        }
        // three labels (IND, NPL, PAK's inner point lies west of the box, so two or three), each some dozen pixels
        assertThat(changed).as("pixels the labels drew").isBetween(60, 4000);
        assertThat(maxX - minX).as("the labels lie apart, over several countries").isGreaterThan(40);
        assertNepalRedIndiaGreen(text, "labelled");
    }
}
