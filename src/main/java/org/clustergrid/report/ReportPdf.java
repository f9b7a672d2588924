package org.clustergrid.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Lays a report's XHTML out as PDF with openhtmltopdf (PDFBox): text stays text, in DejaVu Sans Condensed embedded
 * as a subset (Bitstream Vera licence, resources/report/fonts/LICENSE-DejaVu.txt); SVG charts stay vectors.
 */
public final class ReportPdf {
    /** The family the style sheet asks for. */
    static final String FAMILY = "DejaVu Sans Condensed";

    private record Face(String file, int weight, BaseRendererBuilder.FontStyle style, byte[] bytes) {}

    // read once: a font is some 650 kB, and each report would otherwise read it again
    private static final List<Face> FACES = List.of(
            face("DejaVuSansCondensed.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL),
            face("DejaVuSansCondensed-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL),
            face("DejaVuSansCondensed-Oblique.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC));

    private ReportPdf() {}

    public static void write(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withHtmlContent(xhtml, null);
        for (Face f : FACES) {
            b.useFont(() -> new ByteArrayInputStream(f.bytes()), FAMILY, f.weight(), f.style(), true);
            // plain "sans-serif" and the SVG charts' text fall back to the same embedded face
            b.useFont(() -> new ByteArrayInputStream(f.bytes()), "sans-serif", f.weight(), f.style(), true);
        }
        b.useSVGDrawer(new BatikSVGDrawer());
        b.toStream(out);
        b.run();
    }

    private static Face face(String file, int weight, BaseRendererBuilder.FontStyle style) {
        try (InputStream in = ReportPdf.class.getResourceAsStream("/report/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing font /report/fonts/" + file);
            }
            return new Face(file, weight, style, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
