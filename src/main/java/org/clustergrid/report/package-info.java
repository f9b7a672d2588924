/**
 * Printable reports (HTML and PDF) built from a scoring run — the cluster profile and the regional priority report —
 * on a shared page and provenance.
 */
package org.clustergrid.report;
