/** Readers that turn source files into validated layer features, with an import report naming every problem. */
package org.clustergrid.ingest;
