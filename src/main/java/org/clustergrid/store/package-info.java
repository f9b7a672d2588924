/** Persistence of datasets and layers: one store contract, with H2GIS (embedded) and PostGIS implementations. */
package org.clustergrid.store;
