package org.clustergrid.security.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what, in one table; the first rule that matches decides. Anything no rule names (a new write endpoint,
 * a method a path does not have) is for admins only, so it is closed until a rule names it; EndpointRolesSecurityTest
 * fails for an endpoint missing here.
 */
final class AccessRules {
    /** One line of the table; a null method matches every method. */
    record Rule(HttpMethod method, String pattern, Need need) {}

    static final List<Rule> RULES = List.of(
            // a CORS preflight never carries credentials; it is answered without running anything
            new Rule(HttpMethod.OPTIONS, "/**", Need.PUBLIC),
            new Rule(HttpMethod.GET, "/login.html", Need.PUBLIC),
            new Rule(HttpMethod.GET, "/login.js", Need.PUBLIC),
            new Rule(HttpMethod.GET, "/style.css", Need.PUBLIC),
            new Rule(HttpMethod.GET, "/api/session", Need.PUBLIC),
            // for load balancers and monitoring: up or down, the store kind, counts
            new Rule(HttpMethod.GET, "/api/health", Need.PUBLIC),
            new Rule(HttpMethod.POST, "/api/session/password", Need.SIGNED_IN),
            new Rule(HttpMethod.POST, "/api/scores/profile", Need.ANALYST),
            new Rule(HttpMethod.POST, "/api/scores/geometry", Need.ANALYST),
            new Rule(HttpMethod.POST, "/api/scenarios", Need.ANALYST),
            // accepting a portfolio's projects writes rows of the Intervention grid: editors, as its other writes
            new Rule(HttpMethod.POST, "/api/portfolios/accept", Need.EDITOR),
            new Rule(HttpMethod.POST, "/api/portfolios", Need.ANALYST),
            new Rule(HttpMethod.POST, "/api/reports/portfolios", Need.ANALYST),
            new Rule(HttpMethod.DELETE, "/api/scenarios/*", Need.ANALYST),
            // the cluster register: editors (and admins) change it; its OGC API writes are added by #rules
            new Rule(HttpMethod.POST, "/api/clusters/*/history/*/restore", Need.EDITOR),
            // proposals: anyone signed in proposes and reads their own (never anonymously: they are someone's);
            // editors decide them
            new Rule(HttpMethod.POST, "/api/proposals/*/accept", Need.EDITOR),
            new Rule(HttpMethod.POST, "/api/proposals/*/reject", Need.EDITOR),
            new Rule(HttpMethod.POST, "/api/proposals", Need.SIGNED_IN),
            new Rule(HttpMethod.GET, "/api/proposals", Need.SIGNED_IN),
            new Rule(HttpMethod.HEAD, "/api/proposals", Need.SIGNED_IN),
            new Rule(HttpMethod.GET, "/api/proposals/*", Need.SIGNED_IN),
            new Rule(HttpMethod.HEAD, "/api/proposals/*", Need.SIGNED_IN),
            // the Intervention grid is read as the register is; it is changed over the OGC API (#rules: editors)
            new Rule(HttpMethod.GET, "/api/clusters/*/interventions", Need.READ),
            new Rule(HttpMethod.GET, "/api/interventions/*/history", Need.READ),
            new Rule(null, "/api/admin/**", Need.ADMIN),
            new Rule(HttpMethod.GET, "/**", Need.READ),
            new Rule(HttpMethod.HEAD, "/**", Need.READ));

    private AccessRules() {}

    /**
     * {@link #RULES} with the OGC API – Features Part 4 writes on the clusters collection (the API's path is
     * configurable, so they are made here), ahead of the catch-all reads.
     */
    static List<Rule> rules(String featuresPath) {
        String items = featuresPath + "/collections/*/items";
        List<Rule> out = new java.util.ArrayList<>(List.of(new Rule(HttpMethod.POST, items, Need.EDITOR),
                new Rule(HttpMethod.PUT, items + "/*", Need.EDITOR),
                new Rule(HttpMethod.PATCH, items + "/*", Need.EDITOR),
                new Rule(HttpMethod.DELETE, items + "/*", Need.EDITOR)));
        out.addAll(RULES);
        return out;
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry,
            boolean anonymousRead, String featuresPath) {
        // error pages, forwards to index.html and async completions follow a request that was authorized already
        registry.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC)
                .permitAll();
        for (Rule r : rules(featuresPath)) {
            var matcher = r.method() == null ? registry.requestMatchers(r.pattern())
                    : registry.requestMatchers(r.method(), r.pattern());
            if (r.need() == Need.PUBLIC || (r.need() == Need.READ && anonymousRead)) {
                matcher.permitAll();
            } else {
                matcher.hasRole(r.need().role().name());
            }
        }
        registry.anyRequest().hasRole(Need.ADMIN.role().name());
    }
}
