/** WMS dimensions (elevation, time) of a layer: declarations, the values a request asks for, matching and nearest values. */
package org.clustergrid.dimension;
