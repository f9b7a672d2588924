package org.clustergrid.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a report is written in. */
public enum ReportFormat {
    HTML("html", "text/html;charset=UTF-8", ".html"),
    PDF("pdf", "application/pdf", ".pdf");

    private final String id;
    private final String contentType;
    private final String extension;

    ReportFormat(String id, String contentType, String extension) {
        this.id = id;
        this.contentType = contentType;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ReportFormat> of(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(f -> f.id.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String names() {
        return String.join(" or ", Arrays.stream(values()).map(ReportFormat::id).toList());
    }
}
