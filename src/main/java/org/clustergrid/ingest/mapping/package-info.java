/** Attribute mappings: which layer a source record goes to and how its fields become the layer's canonical fields. */
package org.clustergrid.ingest.mapping;
