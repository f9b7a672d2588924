/** Domain records for clusters, infrastructure layers and datasets; depends on JTS only. */
package org.clustergrid.model;
