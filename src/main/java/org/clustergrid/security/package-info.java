/** Users, roles, API keys and the audit log, kept in the store; the HTTP side is in {@code security.web}. */
package org.clustergrid.security;
