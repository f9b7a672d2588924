package org.clustergrid.ogc.wms;

/**
 * A WMS answer: body, its Content-Type and HTTP status. Exceptions are answered with 200, as WMS clients expect; only
 * the store being down is a 503 (with an exception report), so clients and proxies retry instead of caching it.
 */
record WmsResponse(String contentType, byte[] body, int status) {
    WmsResponse(String contentType, byte[] body) {
        this(contentType, body, 200);
    }
}
