/** The JSON/GeoJSON HTTP API: health, datasets, layers with bbox and paging, and admin imports. */
package org.clustergrid.api;
