/** Road network graph, speeds, snapping and multi-source travel times. */
package org.clustergrid.network;
