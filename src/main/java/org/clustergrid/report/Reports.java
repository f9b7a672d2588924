package org.clustergrid.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a built report in a format on a paper size. */
public final class Reports {
    private Reports() {}

    public static void write(ReportDocument doc, ReportFormat format, Paper paper, OutputStream out)
            throws IOException {
        String xhtml = ReportPage.xhtml(doc, paper);
        switch (format) {
            case HTML -> out.write(xhtml.getBytes(StandardCharsets.UTF_8));
            case PDF -> ReportPdf.write(xhtml, out);
        }
    }

    /** The report as bytes. */
    public static byte[] bytes(ReportDocument doc, ReportFormat format, Paper paper) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 * 1024);
        write(doc, format, paper, out);
        return out.toByteArray();
    }
}
