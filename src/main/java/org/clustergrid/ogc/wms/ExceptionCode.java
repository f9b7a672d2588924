package org.clustergrid.ogc.wms;

/**
 * Service exception codes of WMS 1.3.0 (Table E.1), 1.1.1's InvalidSRS, and the parameter codes of OWS Common that
 * WMS lacks. MissingDimensionValue and InvalidDimensionValue are listed for completeness: no layer here has a
 * dimension, and the standard says dimension values for such layers are ignored.
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
