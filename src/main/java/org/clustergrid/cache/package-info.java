/** Answers kept in memory for as long as the data they were made from stays the same. */
package org.clustergrid.cache;
