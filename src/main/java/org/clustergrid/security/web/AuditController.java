package org.clustergrid.security.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.security.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/audit?limit=&offset=}: the audit log, newest first, in pages. Admins only (AccessRules). */
@RestController
class AuditController {
    static final int MAX_LIMIT = 1000;
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    Map<String, Object> page(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") long offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and offset 0 or more");
        }
        long total = audit.count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numberMatched", total);
        m.put("limit", limit);
        m.put("offset", offset);
        m.put("entries", audit.page(limit, offset).stream().map(AccountJson::audit).toList());
        List<Map<String, String>> links = new ArrayList<>();
        if (offset + limit < total) {
            links.add(Map.of("rel", "next", "href", "/api/admin/audit?limit=" + limit + "&offset=" + (offset + limit)));
        }
        if (offset > 0) {
            links.add(Map.of("rel", "prev", "href", "/api/admin/audit?limit=" + limit + "&offset="
                    + Math.max(0, offset - limit)));
        }
        m.put("links", links);
        return m;
    }
}
