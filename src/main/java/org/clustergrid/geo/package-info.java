/** Coordinate reference systems, reprojection to WGS84 and geometry checks. */
package org.clustergrid.geo;
