package org.clustergrid.ogc.wms;

import java.util.List;

/**
 * A WMS answer: body, its Content-Type and HTTP status. Exceptions are answered with 200, as WMS clients expect; only
 * the store being down is a 503 (with an exception report), so clients and proxies retry instead of caching it.
 *
 * @param warnings values of HTTP Warning headers: the dimension values the server chose (WMS 1.3.0, C.4)
 */
record WmsResponse(String contentType, byte[] body, int status, List<String> warnings) {
    WmsResponse {
        warnings = List.copyOf(warnings);
    }

    WmsResponse(String contentType, byte[] body, int status) {
        this(contentType, body, status, List.of());
    }

    WmsResponse(String contentType, byte[] body) {
        this(contentType, body, 200);
    }
}
