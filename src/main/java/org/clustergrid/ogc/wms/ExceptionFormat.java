package org.clustergrid.ogc.wms;

/** How GetMap reports errors: as XML, drawn into the image, or as a blank image (EXCEPTIONS parameter). */
enum ExceptionFormat {
    XML,
    INIMAGE,
    BLANK;

    /** Both the 1.3.0 keywords and 1.1.1's MIME types are understood, whichever the version. */
    static ExceptionFormat parse(String value, WmsVersion v) {
        if (value == null || value.isBlank()) {
            return XML;
        }
        return switch (value.strip()) {
            case "XML", "application/vnd.ogc.se_xml", "text/xml" -> XML;
            case "INIMAGE", "application/vnd.ogc.se_inimage" -> INIMAGE;
            case "BLANK", "application/vnd.ogc.se_blank" -> BLANK;
            default -> throw WmsException.invalid("EXCEPTIONS", "EXCEPTIONS must be XML, INIMAGE or BLANK"
                    + " (application/vnd.ogc.se_xml, _inimage, _blank in 1.1.1); got '" + value + "'", v);
        };
    }
}
