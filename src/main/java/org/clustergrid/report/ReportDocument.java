package org.clustergrid.report;

import java.util.Objects;

/**
 * A report's content before it is laid out: what kind of report it is, its subject, its sections (XHTML) and the
 * provenance every report ends with. {@link ReportPage} puts it on paper; each kind of report only builds this.
 *
 * @param kind e.g. "Cluster profile"
 * @param subject what it is about, e.g. "CG-NP-12 · Pokhara Industrial Estate"
 * @param body the report's own sections, well-formed XHTML
 */
public record ReportDocument(String kind, String subject, String body, Provenance provenance) {
    public ReportDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(provenance, "provenance");
    }

    public String title() {
        return kind + " — " + subject;
    }
}
