package org.clustergrid.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/session/password} {@code {"current": …, "password": …}}: a signed-in user changes their own
 * password. The current password is asked again (a session left open is not enough) and wrong ones count in the
 * sign-in throttle; the user's other sessions end, this one goes on under a new session id.
 */
@RestController
@ConditionalOnWebApplication // its throttle comes with the web security configuration
class PasswordController {
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordController(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @PostMapping(path = "/api/session/password", consumes = "application/json")
    ResponseEntity<Map<String, Object>> change(@RequestBody Map<String, Object> body, Authentication auth,
            HttpServletRequest request, HttpServletResponse response) {
        if (!(body.get("current") instanceof String current) || !(body.get("password") instanceof String password)) {
            return error(HttpStatus.BAD_REQUEST, "the body needs \"current\" (the password now) and \"password\" (the new one)");
        }
        if (!(auth.getPrincipal() instanceof AccountPrincipal signedIn)) {
            return error(HttpStatus.FORBIDDEN, "only a user signed in with the form changes their password here; "
                    + "an admin sets anyone's with PATCH /api/admin/users/{username}");
        }
        String username = signedIn.getUsername();
        if (throttle.blocked(username, request.getRemoteAddr())) {
            return error(HttpStatus.TOO_MANY_REQUESTS, "too many wrong passwords; try again later");
        }
        User user = accounts.existing(username);
        if (!accounts.passwordMatches(user, current)) {
            throttle.failed(username, request.getRemoteAddr());
            return error(HttpStatus.FORBIDDEN, "the current password is not right");
        }
        accounts.setPassword(username, password); // the policy refuses a weak one: 400
        throttle.succeeded(username);
        // as stored (the store keeps the change time to its own precision), for the session check to compare
        AccountPrincipal principal = new AccountPrincipal(accounts.existing(username));
        principal.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ErrorResponses.body(status, message));
    }
}
