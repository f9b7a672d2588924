/** The HTTP side of security: the filter chain and its rules, sign-in, API keys, CSRF, audit, admin endpoints. */
package org.clustergrid.security.web;
