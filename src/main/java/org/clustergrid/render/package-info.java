/** Map rendering with Java2D and JTS: viewports, projections, pluggable styles, labels, legends and image encoding. */
package org.clustergrid.render;
