package org.clustergrid.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * With anonymous read off, what a signed-in user reads is theirs alone: answers are marked {@code private}, so shared
 * caches (proxies, CDNs) do not keep them for others. With anonymous read on, reads keep the caching the endpoints
 * give them (ETags and {@code no-cache}); Spring Security's blanket {@code no-store} is not used, as it would stop
 * browsers and map clients from revalidating tiles and maps.
 */
final class PrivateCaching implements HeaderWriter {
    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String cc = response.getHeader("Cache-Control");
        if (cc == null) {
            response.setHeader("Cache-Control", "private, no-cache");
        } else if (!cc.contains("private") && !cc.contains("no-store")) {
            response.setHeader("Cache-Control", "private, " + cc);
        }
    }
}
