package org.clustergrid.security.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.clustergrid.security.SecuritySettings;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who the caller is (for the web map's header) and, for a browser session or when asked
 * with {@code ?csrf} (the sign-in page), the CSRF token its writes must carry. Asking for the token starts a session.
 */
@RestController
class SessionController {
    private final SecuritySettings settings;

    SessionController(SecuritySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/session")
    ResponseEntity<Map<String, Object>> session(Authentication auth, CsrfToken csrf,
            @RequestParam(value = "csrf", required = false) String askCsrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        Caller caller = Callers.of(auth);
        Role role = Callers.role(auth);
        m.put("authenticated", role != null);
        m.put("user", role != null ? caller.name() : null);
        m.put("role", role != null ? role.id() : null);
        m.put("via", role != null ? caller.via() : null);
        m.put("anonymousRead", settings.anonymousRead());
        if (csrf != null && (askCsrf != null || "session".equals(caller.via()))) {
            m.put("csrf", Map.of("header", csrf.getHeaderName(), "parameter", csrf.getParameterName(),
                    "token", csrf.getToken()));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(m);
    }
}
