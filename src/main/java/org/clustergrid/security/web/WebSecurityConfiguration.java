package org.clustergrid.security.web;

import java.time.Clock;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.SecuritySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The one filter chain every request passes before any controller, and so before a request body is read: session
 * or API key, then the {@link AccessRules}. See docs/security.md.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, AuditLog audit,
            PasswordEncoder encoder, SecuritySettings settings, ClusterGridProperties properties, LoginThrottle throttle,
            @Value("${clustergrid.ogc-features.path:/ogc/features}") String featuresPath) throws Exception {
        ErrorResponses errors = new ErrorResponses(featuresPath);
        LoginHandlers login = new LoginHandlers(audit, throttle);
        AdminTokenKey adminToken = new AdminTokenKey(properties);
        http.authorizeHttpRequests(a -> AccessRules.apply(a, settings.anonymousRead(), featuresPath))
                .authenticationManager(new ProviderManager(new ThrottledLogin(accounts, encoder, throttle)))
                .formLogin(f -> f.loginPage(ErrorResponses.LOGIN_PAGE).loginProcessingUrl("/login")
                        .successHandler(login).failureHandler(login))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(login))
                .csrf(c -> c.requireCsrfProtectionMatcher(CsrfRules.REQUIRED)
                        .csrfTokenRequestHandler(new CsrfRules.HeaderFirst()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(r -> r.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(h -> {
                    h.cacheControl(c -> c.disable());
                    if (!settings.anonymousRead()) {
                        h.addHeaderWriter(new PrivateCaching());
                    }
                })
                .addFilterAfter(new SessionAccountCheck(accounts, errors), SecurityContextHolderFilter.class)
                .addFilterBefore(new ApiKeyFilter(accounts, adminToken, errors),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AuditFilter(audit), ExceptionTranslationFilter.class);
        return http.build();
    }

    /** Shared by the sign-in form and the password change, so neither is a way round the other's count. */
    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(Clock.systemUTC());
    }

    @Bean
    AdminBootstrap adminBootstrap(Accounts accounts, AuditLog audit, SecuritySettings settings,
            ClusterGridProperties properties) {
        return new AdminBootstrap(accounts, audit, settings, new AdminTokenKey(properties).configured());
    }
}
