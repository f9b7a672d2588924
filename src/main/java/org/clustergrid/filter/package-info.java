/** CQL2 filters (OGC 21-065) read from CQL2 Text and JSON into a small immutable tree; no SQL, no HTTP. */
package org.clustergrid.filter;
