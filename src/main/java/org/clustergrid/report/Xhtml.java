package org.clustergrid.report;

/**
 * Writes well-formed XHTML: every text and attribute escaped, every element closed. The PDF renderer needs XML, and
 * browsers read the same markup as HTML, so one writer serves both formats.
 */
public final class Xhtml {
    private final StringBuilder out = new StringBuilder(32 * 1024);

    /** Opens an element; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    public Xhtml open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    public Xhtml close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    public Xhtml element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element without content, such as {@code img} or {@code br}. */
    public Xhtml empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    public Xhtml text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    /** Markup made by another writer of this class (or {@link ScoreChart}), already well-formed. */
    public Xhtml markup(String xhtml) {
        out.append(xhtml);
        return this;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    /** Text safe in XML content and attribute values; characters XML 1.0 forbids are dropped. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
