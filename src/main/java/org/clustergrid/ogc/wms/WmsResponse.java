package org.clustergrid.ogc.wms;

/** A WMS answer: body and its Content-Type. Exceptions are answered with 200, as WMS clients expect. */
record WmsResponse(String contentType, byte[] body) {}
