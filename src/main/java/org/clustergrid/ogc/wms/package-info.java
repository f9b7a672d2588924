/** OGC Web Map Service 1.3.0 (and 1.1.1 requests) at {@code /ogc/wms}, drawn by {@code org.clustergrid.render}. */
package org.clustergrid.ogc.wms;
