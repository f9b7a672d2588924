package org.clustergrid.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.clustergrid.store.DataState;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * ETag and Last-Modified from the store's data version on read endpoints, so clients revalidate cheaply and get 304
 * Not Modified until an import or delete. The ETag is weak (the same data may be gzipped or not) and includes the
 * Accept header, since one URL may answer JSON or HTML. Changes through this server clear the cached version.
 */
class ConditionalReads implements HandlerInterceptor {
    private final DataStateCache states;

    ConditionalReads(DataStateCache states) {
        this.states = states;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !ReadPaths.followsData(request.getRequestURI())) {
            return true;
        }
        DataState state = states.current();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        // the OGC services also list and draw the stored scenarios, which change without the data changing
        boolean ogc = request.getRequestURI().startsWith(request.getContextPath() + "/ogc/");
        String etag = "W/\"v" + state.version() + (ogc ? "s" + state.scenarios() : "") + "-"
                + Integer.toHexString(accept == null ? 0 : accept.hashCode()) + "\"";
        long lastModified = (ogc ? state.anyChangeAt() : state.changedAt()).toEpochMilli();
        // WMS capabilities expire at once instead: QGIS loads them with Qt's PreferCache, which hands back a stored
        // no-cache copy without asking again, so a layer imported since would stay unseen; an expired one it
        // revalidates (304 while the data version holds). no-store crashes QGIS 3.22's WMS provider.
        response.setHeader(HttpHeaders.CACHE_CONTROL, isWmsCapabilities(request) ? "max-age=0, must-revalidate"
                : "no-cache");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return !new ServletWebRequest(request, response).checkNotModified(etag, lastModified);
    }

    private static boolean isWmsCapabilities(HttpServletRequest request) {
        if (!request.getRequestURI().endsWith("/ogc/wms")) {
            return false;
        }
        for (var e : request.getParameterMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase("REQUEST") && e.getValue().length > 0
                    && e.getValue()[0].strip().toLowerCase(java.util.Locale.ROOT).endsWith("capabilities")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))) {
            states.invalidate();
        }
    }
}
