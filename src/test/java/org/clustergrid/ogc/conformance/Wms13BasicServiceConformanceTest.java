package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clustergrid.ogc.conformance.WmsSupport.allRgb;
import static org.clustergrid.ogc.conformance.WmsSupport.allTransparent;
import static org.clustergrid.ogc.conformance.WmsSupport.contentType;
import static org.clustergrid.ogc.conformance.WmsSupport.exceptionCode;
import static org.clustergrid.ogc.conformance.WmsSupport.image;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * WMS 1.3.0 basic service elements (OGC 06-042 clause 6 and Annex A.1): version negotiation, request encoding,
 * parameter names and values, service exceptions in XML, in the image and blank.
 */
class Wms13BasicServiceConformanceTest extends ConformanceTestBase {
    static final String MAP = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=clusters&STYLES=&CRS=CRS:84"
            + "&BBOX=80,20,80.6,20.5&WIDTH=120&HEIGHT=100&FORMAT=image/png";

    String version(String query) throws Exception {
        Element root = WmsSupport.parse(wms(query).body()).getDocumentElement();
        return root.getAttribute("version");
    }

    /** 6.2.4: version negotiation on GetCapabilities. */
    @Test
    void versionNegotiation() throws Exception {
        String caps = "SERVICE=WMS&REQUEST=GetCapabilities";
        assertThat(version(caps)).as("no version: the highest").isEqualTo("1.3.0");
        assertThat(version(caps + "&VERSION=1.3.0")).isEqualTo("1.3.0");
        assertThat(version(caps + "&VERSION=2.0.0")).as("above the highest: the highest").isEqualTo("1.3.0");
        assertThat(version(caps + "&VERSION=1.3.1")).isEqualTo("1.3.0");
        assertThat(version(caps + "&VERSION=1.2.0")).as("between: the next lower").isEqualTo("1.1.1");
        assertThat(version(caps + "&VERSION=1.0.0")).as("below the lowest: the lowest").isEqualTo("1.1.1");
        // before VERSION there was WMTVER
        assertThat(version(caps + "&WMTVER=1.0.0")).isEqualTo("1.1.1");
    }

    /** 6.8.1: parameter names in any case, in any order; values are case-sensitive. */
    @Test
    void parameterNamesAndValues() throws Exception {
        BufferedImage a = image(wms(MAP), "image/png");
        BufferedImage b = image(wms("fOrMaT=image/png&hEiGhT=100&wIdTh=120&bBoX=80,20,80.6,20.5&cRs=CRS:84"
                + "&sTyLeS=&lAyErS=clusters&rEqUeSt=GetMap&vErSiOn=1.3.0&sErViCe=WMS"), "image/png");
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(exceptionCode(wms(MAP.replace("LAYERS=clusters", "LAYERS=CLUSTERS")))).isEqualTo("LayerNotDefined");
        assertThat(exceptionCode(wms(MAP.replace("CRS=CRS:84", "CRS=crs:84")))).isEqualTo("InvalidCRS");
        assertThat(exceptionCode(wms(MAP.replace("FORMAT=image/png", "FORMAT=IMAGE/PNG")))).isEqualTo("InvalidFormat");
        // a URL prefix with its own ? and stray &s
        assertThat(contentType(wms("&" + MAP.replace("&", "&&") + "&"))).startsWith("image/png");
        // 6.8.1: parameters not in the standard (vendor ones) are ignored, in every operation
        assertThat(contentType(wms(MAP + "&VENDOR_THING=42&foo="))).startsWith("image/png");
        assertThat(WmsSupport.parse(wms("BoGuS=ignored&ReQuEsT=GetCapabilities&VeRsIoN=1.3.0&SeRvIcE=WMS").body())
                .getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(contentType(wms("ReQuEsT=GetFeatureInfo&StYlEs=&FoRmAt=image/png&J=50&CrS=CRS:84"
                + "&InFo_fOrMaT=text/plain&LaYeRs=clusters&I=50&VeRsIoN=1.3.0&HeIgHt=100&BbOx=80,20,80.6,20.5"
                + "&WiDtH=100&QuErY_LaYeRs=clusters&BoGuS=ignored"))).startsWith("text/plain");
    }

    /** 6.3.2: reserved characters: %-escapes are decoded, and + is a space. */
    @Test
    void escapedCharacters() throws Exception {
        assertThat(WmsSupport.parse(wms("ReQuEsT=%47%65%74%43%61%70%61%62%69%6C%69%74%69%65%73&VeRsIoN=1.3.0"
                + "&SeRvIcE=WMS").body()).getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(contentType(wms(MAP.replace("FORMAT=image/png", "FORMAT=image%2Fpng%3B+mode%3D8bit"))))
                .startsWith("image/png");
        assertThat(contentType(wms(MAP.replace("FORMAT=image/png", "FORMAT=image/png;+mode=8bit"))))
                .startsWith("image/png");
        assertThat(contentType(wms(MAP.replace("CRS=CRS:84", "CRS=CRS%3A84").replace(",", "%2C"))))
                .startsWith("image/png");
    }

    /** 6.9.4 and Annex E: the operation and service are named; what is not offered is an exception. */
    @Test
    void requestAndService() throws Exception {
        assertThat(exceptionCode(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCoverage")))
                .isEqualTo("OperationNotSupported");
        assertThat(exceptionCode(wms("SERVICE=WMS&VERSION=1.3.0"))).isEqualTo("MissingParameterValue");
        assertThat(exceptionCode(wms("REQUEST=GetCapabilities&VERSION=1.3.0"))).as("SERVICE is mandatory")
                .isEqualTo("MissingParameterValue");
        assertThat(exceptionCode(wms("SERVICE=WFS&REQUEST=GetCapabilities&VERSION=1.3.0")))
                .isEqualTo("InvalidParameterValue");
        assertThat(exceptionCode(wms(MAP.replace("VERSION=1.3.0&", "")))).as("VERSION is mandatory in GetMap")
                .isEqualTo("MissingParameterValue");
        assertThat(exceptionCode(wms(MAP.replace("VERSION=1.3.0", "VERSION=0.9.0")))).isEqualTo("InvalidParameterValue");
    }

    /** 6.11 and Annex E: the XML report is schema-valid, text/xml, its codes those of Table E.1. */
    @Test
    void xmlExceptions() throws Exception {
        for (String q : List.of(MAP.replace("LAYERS=clusters", "LAYERS=nope"), MAP + "&EXCEPTIONS=XML",
                MAP.replace("STYLES=", "STYLES=nope"), MAP.replace("CRS=CRS:84", "CRS=EPSG:1"))) {
            String code = exceptionCode(wms(q.contains("EXCEPTIONS") ? q.replace("FORMAT=image/png",
                    "FORMAT=image/gif") : q));
            assertThat(code).isIn("LayerNotDefined", "InvalidFormat", "StyleNotDefined", "InvalidCRS");
        }
        // the report is valid XML even when the message holds markup characters
        assertThat(exceptionCode(wms(MAP.replace("LAYERS=clusters", "LAYERS=%3Ca%26b%3E")))).isEqualTo("LayerNotDefined");
    }

    /** 7.3.3.11: EXCEPTIONS=INIMAGE and BLANK answer with an image of the requested format and size. */
    @Test
    void inImageAndBlankExceptions() throws Exception {
        String bad = MAP.replace("LAYERS=clusters", "LAYERS=nope");
        for (String format : List.of("image/png", "image/jpeg", "image/png; mode=8bit")) {
            String q = bad.replace("FORMAT=image/png", "FORMAT=" + format);
            BufferedImage inImage = image(wms(q + "&EXCEPTIONS=INIMAGE"), format.replace("; mode=8bit", ""));
            assertThat(inImage.getWidth()).isEqualTo(120);
            assertThat(inImage.getHeight()).isEqualTo(100);
            assertThat(allRgb(inImage, 0xFFFFFF)).as("the message is drawn").isFalse();
            BufferedImage blank = image(wms(q + "&EXCEPTIONS=BLANK"), format.replace("; mode=8bit", ""));
            assertThat(blank.getWidth()).isEqualTo(120);
            assertThat(allRgb(blank, 0xFFFFFF)).as(format + " blank is all background").isTrue();
        }
        BufferedImage red = image(wms(bad + "&EXCEPTIONS=BLANK&BGCOLOR=0xFF0000"), "image/png");
        assertThat(allRgb(red, 0xFF0000)).isTrue();
        BufferedImage clear = image(wms(bad + "&EXCEPTIONS=BLANK&TRANSPARENT=TRUE"), "image/png");
        assertThat(allTransparent(clear)).isTrue();
        // an unknown EXCEPTIONS value is itself reported, in XML
        assertThat(exceptionCode(wms(MAP + "&EXCEPTIONS=SOMETIMES"))).isEqualTo("InvalidParameterValue");
        // GetCapabilities errors are XML whatever EXCEPTIONS says
        HttpResponse<byte[]> caps = wms("REQUEST=GetCapabilities&VERSION=1.3.0&EXCEPTIONS=INIMAGE");
        assertThat(contentType(caps)).startsWith("text/xml");
    }
}
