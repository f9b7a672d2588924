/** Context layers: the user's own vector layers, imported as themselves with every attribute and its type. */
package org.clustergrid.layers;
