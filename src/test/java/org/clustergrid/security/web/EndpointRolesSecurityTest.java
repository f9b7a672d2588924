package org.clustergrid.security.web;

/** The roles of every endpoint with anonymous read on, the default. */
class EndpointRolesSecurityTest extends EndpointRoles {
    @Override
    boolean anonymousRead() {
        return true;
    }
}
