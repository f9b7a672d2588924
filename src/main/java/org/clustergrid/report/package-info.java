/** Printable reports (HTML and PDF) built from a scoring run: the cluster profile, on a shared page and provenance. */
package org.clustergrid.report;
