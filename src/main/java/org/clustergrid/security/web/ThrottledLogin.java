package org.clustergrid.security.web;

import org.clustergrid.security.Accounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in against the accounts in the store, refused early while {@link LoginThrottle} says so. Spring's
 * {@link DaoAuthenticationProvider} checks an unknown user name against a dummy hash, so it takes as long as a wrong
 * password, and reports both as the same {@code BadCredentialsException}.
 */
final class ThrottledLogin implements AuthenticationProvider {
    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogin(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(username -> accounts.user(username).map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user")));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        if (throttle.blocked(authentication.getName(), address)) {
            throw new LoginThrottledException();
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
