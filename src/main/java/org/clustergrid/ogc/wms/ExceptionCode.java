package org.clustergrid.ogc.wms;

/**
 * Service exception codes of WMS 1.3.0 (Table E.1), 1.1.1's InvalidSRS, and the parameter codes of OWS Common that
 * WMS lacks. MissingDimensionValue and InvalidDimensionValue concern the layers that declare dimensions
 * ({@link MapDimensions}); layers without them ignore ELEVATION and TIME.
 */
enum ExceptionCode {
    InvalidFormat,
    InvalidCRS,
    InvalidSRS,
    LayerNotDefined,
    StyleNotDefined,
    LayerNotQueryable,
    InvalidPoint,
    CurrentUpdateSequence,
    InvalidUpdateSequence,
    MissingDimensionValue,
    InvalidDimensionValue,
    OperationNotSupported,
    MissingParameterValue,
    InvalidParameterValue
}
