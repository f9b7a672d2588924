/** A place measured against a context layer (nearest, count or sum within, containing value); no store, no Spring. */
package org.clustergrid.layers.measure;
