package org.clustergrid.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.clustergrid.portfolio.PortfolioOutput;

/**
 * The forms a portfolio report takes: the printable page (HTML, PDF), and its two tables as CSV — the picks (the very
 * table {@code POST /api/portfolios?f=csv} gives) and each changed cluster before and after.
 */
public enum PortfolioReportFormat {
    HTML("html", "text/html;charset=UTF-8", ".html"),
    PDF("pdf", "application/pdf", ".pdf"),
    CSV("csv", "text/csv;charset=UTF-8", ".csv"),
    CLUSTERS_CSV("clusters-csv", "text/csv;charset=UTF-8", "-clusters.csv");

    private final String id;
    private final String contentType;
    private final String suffix;

    PortfolioReportFormat(String id, String contentType, String suffix) {
        this.id = id;
        this.contentType = contentType;
        this.suffix = suffix;
    }

    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    /** What a file of this form ends with, e.g. {@code .pdf}, {@code -clusters.csv}. */
    public String suffix() {
        return suffix;
    }

    public static Optional<PortfolioReportFormat> of(String name) {
        return name == null ? Optional.empty() : Arrays.stream(values())
                .filter(f -> f.id.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(PortfolioReportFormat::id).toList());
    }

    /** Writes the report of {@code subject} on the context's run in this form. */
    public void write(ReportContext ctx, PortfolioReport.Subject subject, Paper paper, OutputStream out)
            throws IOException {
        switch (this) {
            case HTML -> Reports.write(new PortfolioReport().build(ctx, subject), ReportFormat.HTML, paper, out);
            case PDF -> Reports.write(new PortfolioReport().build(ctx, subject), ReportFormat.PDF, paper, out);
            case CSV -> out.write(PortfolioOutput.picksCsv(subject.portfolio()).getBytes(StandardCharsets.UTF_8));
            case CLUSTERS_CSV -> out.write(PortfolioChanges.csv(subject.portfolio())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
