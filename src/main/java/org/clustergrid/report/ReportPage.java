package org.clustergrid.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page every report shares: one XHTML file with its style sheet inline (nothing to fetch, so it prints and mails
 * as one file), a masthead, the report's sections, the provenance on a page of its own, and page numbers and the
 * run in the footer of each printed page. The same markup is the HTML report and the PDF's source.
 */
public final class ReportPage {
    private static final String CSS = resource("/report/report.css");

    private ReportPage() {}

    public static String xhtml(ReportDocument doc, Paper paper) {
        Xhtml x = new Xhtml();
        x.markup("<!DOCTYPE html>\n");
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").open("head");
        x.empty("meta", "charset", "UTF-8");
        x.element("title", doc.title());
        x.empty("meta", "name", "author", "content", "ClusterGrid");
        x.empty("meta", "name", "subject", "content", doc.kind());
        x.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        x.element("style", pageRule(doc, paper) + CSS);
        x.close("head").open("body", "class", "paper-" + paper.id());
        x.open("header", "class", "masthead");
        x.element("div", "ClusterGrid · " + doc.kind(), "class", "kind");
        x.element("h1", doc.subject());
        x.element("div", "Scoring run " + doc.provenance().run().id() + " of "
                + ProvenanceSection.time(doc.provenance().run().createdAt()) + " · report made "
                + ProvenanceSection.time(doc.provenance().generatedAt()), "class", "run-line");
        x.close("header");
        x.markup(doc.body());
        ProvenanceSection.write(x, doc.provenance());
        x.close("body").close("html");
        return x.toString();
    }

    /** The paper size and the running footer: the report, the run, and "page n of m". */
    private static String pageRule(ReportDocument doc, Paper paper) {
        String footer = "ClusterGrid · " + doc.title() + " · run " + shortId(doc.provenance().run().id());
        return "@page { size: " + paper.cssSize() + "; margin: 14mm 13mm 16mm 13mm;"
                + " @bottom-left { content: \"" + cssString(footer) + "\"; font-family: 'DejaVu Sans Condensed',"
                + " sans-serif; font-size: 7pt; color: #666; }"
                + " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"
                + " font-family: 'DejaVu Sans Condensed', sans-serif; font-size: 7pt; color: #666; } }\n";
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** Text inside a CSS string: quotes and backslashes escaped, no line breaks. */
    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ");
    }

    private static String resource(String path) {
        try (InputStream in = ReportPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
