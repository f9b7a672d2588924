/** How far an import has got: readers report bytes and features read, whoever started the import shows them. */
package org.clustergrid.ingest.progress;
