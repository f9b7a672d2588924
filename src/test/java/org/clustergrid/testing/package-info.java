/** Test support: where the shared real data and the PostGIS test database are, and how to skip without them. */
package org.clustergrid.testing;
