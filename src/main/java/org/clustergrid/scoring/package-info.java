/** Indicators, scores, gaps, priority and ranking stability per cluster; no Spring, no HTTP. */
package org.clustergrid.scoring;
