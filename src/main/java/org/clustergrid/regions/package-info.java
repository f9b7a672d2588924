/** Scores summed up by region: the clusters inside each polygon of a layer of the user's, and how they fare. */
package org.clustergrid.regions;
