package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What the WMS conformance tests share: the OGC schemas (from the classpath, no network), XML and image reading. */
public final class WmsSupport {
    static final String WMS_NS = "http://www.opengis.net/wms";
    static final String OGC_NS = "http://www.opengis.net/ogc";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    /** capabilities_1_3_0.xsd and, through SLD 1.1.0's sld_capabilities.xsd, the GetLegendGraphic operation. */
    public static final Schema CAPABILITIES = schema("sld/1.1.0/sld_capabilities.xsd");
    static final Schema EXCEPTIONS = schema("wms/1.3.0/exceptions_1_3_0.xsd");

    private WmsSupport() {}

    private static Schema schema(String resource) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // only the schemas in the jar: a test must not reach schemas.opengis.net
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            var url = WmsSupport.class.getClassLoader().getResource(resource);
            assertThat(url).as(resource).isNotNull();
            return f.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates {@code body} against {@code schema}; an invalid document fails with the validator's message. */
    public static void validate(Schema schema, byte[] body) throws Exception {
        var v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.validate(new StreamSource(new ByteArrayInputStream(body)));
    }

    public static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * The single ServiceException's code (empty when it has none) of a schema-valid 1.3.0 exception report, served
     * as text/xml.
     */
    static String exceptionCode(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).as(text(r)).startsWith("text/xml");
        validate(EXCEPTIONS, r.body());
        Element root = parse(r.body()).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ServiceExceptionReport");
        assertThat(root.getAttribute("version")).isEqualTo("1.3.0");
        NodeList list = root.getElementsByTagNameNS(OGC_NS, "ServiceException");
        assertThat(list.getLength()).isEqualTo(1);
        return ((Element) list.item(0)).getAttribute("code");
    }

    static BufferedImage image(HttpResponse<byte[]> r, String contentType) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).as(text(r)).startsWith(contentType);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img).as("an image").isNotNull();
        return img;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static java.util.List<Element> children(Element parent, String name) {
        java.util.List<Element> out = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String childText(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent().strip();
    }

    /** Every pixel's RGB equals {@code rgb} (alpha ignored). */
    static boolean allRgb(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != rgb) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean allTransparent(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
