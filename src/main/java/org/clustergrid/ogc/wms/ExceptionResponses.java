package org.clustergrid.ogc.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MessageImage;

/** Service exceptions as answered: XML by default; for GetMap with EXCEPTIONS=INIMAGE or BLANK an image. */
final class ExceptionResponses {
    private ExceptionResponses() {}

    /** The store is down: an exception report (no code fits; WMS has none for it) with status 503. */
    static WmsResponse unavailable(String reason, WmsVersion version) {
        WmsException e = new WmsException(null, "service unavailable: " + reason, null, version);
        return new WmsResponse(ExceptionReport.contentType(version), ExceptionReport.xml(e), 503);
    }

    /** The exception in the form EXCEPTIONS asks for; an image of the asked size and format for GetMap. */
    static WmsResponse error(WmsException e, WmsParams p) {
        String request = p.get("REQUEST");
        ExceptionFormat how;
        try {
            how = ExceptionFormat.parse(p.get("EXCEPTIONS"), e.version());
        } catch (WmsException bad) {
            how = ExceptionFormat.XML;
        }
        if (how == ExceptionFormat.XML || request == null || !request.equalsIgnoreCase("GetMap")) {
            return new WmsResponse(ExceptionReport.contentType(e.version()), ExceptionReport.xml(e));
        }
        ImageFormat format = ImageFormat.of(p.get("FORMAT")).orElse(ImageFormat.PNG);
        int width = lenientSize(p.get("WIDTH"));
        int height = lenientSize(p.get("HEIGHT"));
        Color bg;
        boolean transparent;
        try {
            bg = MapRequest.bgColor(p, e.version());
            transparent = MapRequest.transparent(p, e.version());
        } catch (WmsException bad) {
            bg = Color.WHITE;
            transparent = false;
        }
        Color background = transparent && format.supportsTransparency() ? null : bg;
        String text = how != ExceptionFormat.INIMAGE ? null
                : e.code() == null ? e.getMessage() : e.code().name() + ": " + e.getMessage();
        BufferedImage image = MessageImage.render(width, height, background, text);
        return new WmsResponse(GetMapHandler.contentType(format, p.get("FORMAT")),
                ImageEncoder.encode(image, format, bg));
    }

    private static int lenientSize(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= MapRequest.MAX_SIZE ? n : 256;
        } catch (RuntimeException e) {
            return 256;
        }
    }
}
