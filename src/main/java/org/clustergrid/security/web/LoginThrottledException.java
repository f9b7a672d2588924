package org.clustergrid.security.web;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because of too many recent failures. */
final class LoginThrottledException extends AuthenticationException {
    LoginThrottledException() {
        super("too many failed sign-ins; try again in " + LoginThrottle.WINDOW.toMinutes() + " minutes");
    }
}
