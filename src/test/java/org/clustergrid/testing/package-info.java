/**
 * Test support: where the shared real data and the PostGIS test database are, how to skip without them, and the
 * running server that HTTP tests talk to.
 */
package org.clustergrid.testing;
