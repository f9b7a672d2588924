package org.clustergrid.ogc.wms;

/** A request the service refuses, reported as a ServiceExceptionReport (or in the image) of {@code version}. */
final class WmsException extends RuntimeException {
    private final ExceptionCode code;
    private final String locator;
    private final WmsVersion version;

    WmsException(ExceptionCode code, String message, String locator, WmsVersion version) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.version = version;
    }

    static WmsException missing(String parameter, WmsVersion version) {
        return new WmsException(ExceptionCode.MissingParameterValue, "parameter " + parameter + " is required",
                parameter, version);
    }

    static WmsException invalid(String parameter, String message, WmsVersion version) {
        return new WmsException(ExceptionCode.InvalidParameterValue, message, parameter, version);
    }

    ExceptionCode code() {
        return code;
    }

    String locator() {
        return locator;
    }

    WmsVersion version() {
        return version;
    }
}
