/** Spatial indexes answering nearest and within-distance queries in geodesic metres. */
package org.clustergrid.index;
