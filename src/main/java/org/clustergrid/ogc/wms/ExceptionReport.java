package org.clustergrid.ogc.wms;

/**
 * ServiceExceptionReport documents: WMS 1.3.0's in the {@code http://www.opengis.net/ogc} namespace
 * (exceptions_1_3_0.xsd), 1.1.1's without a namespace, served as {@code application/vnd.ogc.se_xml}.
 */
final class ExceptionReport {
    static final String OGC = "http://www.opengis.net/ogc";
    static final String SE_XML = "application/vnd.ogc.se_xml";

    private ExceptionReport() {}

    static String contentType(WmsVersion v) {
        return v == WmsVersion.V1_3_0 ? "text/xml" : SE_XML;
    }

    static byte[] xml(WmsException e) {
        Xml x = new Xml();
        if (e.version() == WmsVersion.V1_3_0) {
            x.start("ServiceExceptionReport").namespace("", OGC)
                    .namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
                    .attr("version", "1.3.0")
                    .attr("xsi:schemaLocation", OGC + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
        } else {
            x.raw("<!DOCTYPE ServiceExceptionReport SYSTEM"
                    + " \"http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd\">");
            x.start("ServiceExceptionReport").attr("version", "1.1.1");
        }
        x.start("ServiceException");
        if (e.code() != null) {
            x.attr("code", e.code().name()); // the code is optional; failures of the server itself have none
        }
        if (e.locator() != null && e.version() == WmsVersion.V1_3_0) {
            x.attr("locator", e.locator()); // 1.1.1's DTD has no locator attribute
        }
        x.text(e.getMessage()).end().end();
        return x.bytes();
    }
}
