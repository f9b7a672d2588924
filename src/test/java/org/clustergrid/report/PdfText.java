package org.clustergrid.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a test reads back from a PDF with PDFBox: its text (whitespace folded), its pages, its fonts. */
final class PdfText {
    final String text;
    final List<String> pages = new ArrayList<>();
    final List<float[]> sizes = new ArrayList<>();
    final List<PDFont> fonts = new ArrayList<>();

    PdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            text = fold(stripper.getText(doc));
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(fold(stripper.getText(doc)));
            }
            for (PDPage page : doc.getPages()) {
                sizes.add(new float[] {page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
                collectFonts(page.getResources(), 0);
            }
        }
    }

    /** Fonts of the resources and of the forms (e.g. SVG drawings) they hold. */
    private void collectFonts(PDResources r, int depth) throws IOException {
        if (r == null || depth > 8) {
            return;
        }
        for (COSName n : r.getFontNames()) {
            fonts.add(r.getFont(n));
        }
        for (COSName n : r.getXObjectNames()) {
            PDXObject x = r.getXObject(n);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), depth + 1);
            }
        }
    }

    /** Runs of whitespace as one space, so text wrapped in a table cell reads as written. */
    static String fold(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** The first page (1-based) holding the text, or 0. */
    int pageOf(String needle) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(fold(needle))) {
                return i + 1;
            }
        }
        return 0;
    }
}
