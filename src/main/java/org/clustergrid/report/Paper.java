package org.clustergrid.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The paper a report is laid out on; the CSS page size and its dimensions in PDF points. */
public enum Paper {
    A4("a4", "A4", 595.28f, 841.89f),
    LETTER("letter", "letter", 612f, 792f);

    private final String id;
    private final String cssSize;
    private final float widthPt;
    private final float heightPt;

    Paper(String id, String cssSize, float widthPt, float heightPt) {
        this.id = id;
        this.cssSize = cssSize;
        this.widthPt = widthPt;
        this.heightPt = heightPt;
    }

    public String id() {
        return id;
    }

    /** The value of the CSS {@code @page size} property. */
    public String cssSize() {
        return cssSize;
    }

    public float widthPt() {
        return widthPt;
    }

    public float heightPt() {
        return heightPt;
    }

    /** The paper of this name ({@code a4}, {@code letter}; any case), empty when there is none. */
    public static Optional<Paper> of(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(p -> p.id.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The names {@link #of} takes, for error messages. */
    public static String names() {
        return String.join(" or ", Arrays.stream(values()).map(Paper::id).toList());
    }
}
