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
        WmsResponse r = service.handle(new WmsParams(request.getParameterMap()), base);
        // Cache-Control is set with the ETag for every data read (ConditionalReads), capabilities' included
        return headers(r).body(r.body());
    }

    /** An answer reached outside the data reads' caching (an error handler's): revalidated like them. */
    static ResponseEntity<byte[]> respond(WmsResponse r) {
        return headers(r).cacheControl(CacheControl.noCache()).body(r.body());
    }

    private static ResponseEntity.BodyBuilder headers(WmsResponse r) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(r.status());
        if (r.status() == 503) {
            b.header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS));
        }
        // one header per warning (HTTP allows repeating it), each "99 Default value used: …" as WMS 1.3.0 C.4 words it
        r.warnings().forEach(w -> b.header("Warning", w));
        return b.contentType(MediaType.parseMediaType(r.contentType()));
    }
}
