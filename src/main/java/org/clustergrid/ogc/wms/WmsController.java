package org.clustergrid.ogc.wms;

import jakarta.servlet.http.HttpServletRequest;
import org.clustergrid.store.StoreUnavailableException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The WMS endpoint; every operation is a GET with key-value parameters, handled by {@link WmsService}. */
@RestController
class WmsController {
    private final WmsService service;

    WmsController(WmsService service) {
        this.service = service;
    }

    @GetMapping("/ogc/wms")
    ResponseEntity<byte[]> wms(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc/wms").build().toUriString();
        WmsParams params = new WmsParams(request.getParameterMap());
        WmsResponse r = service.handle(params, base);
        if (isCapabilities(params)) {
            // expired at once rather than no-cache: QGIS loads capabilities with Qt's PreferCache, which hands back a
            // stored copy that has no expiry without asking again, so a layer imported since would stay unseen; an
            // expired one it revalidates (304 while the data version holds). (no-store crashes QGIS 3.22's provider.)
            return ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(r.contentType()))
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ZERO).mustRevalidate()).body(r.body());
        }
        return respond(r);
    }

    static boolean isCapabilities(WmsParams params) {
        String request = params.get("REQUEST");
        return request != null && (request.strip().equalsIgnoreCase("GetCapabilities")
                || request.strip().equalsIgnoreCase("capabilities"));
    }

    static ResponseEntity<byte[]> respond(WmsResponse r) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(r.status());
        if (r.status() == 503) {
            b.header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS));
        }
        return b.contentType(MediaType.parseMediaType(r.contentType())).cacheControl(CacheControl.noCache())
                .body(r.body());
    }
}
