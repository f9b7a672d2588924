/** CQL2 filter expressions (OGC 21-065) read from CQL2 Text and CQL2 JSON into a small immutable tree; no SQL, no HTTP. */
package org.clustergrid.filter;
