package org.clustergrid.render;

import java.util.Arrays;
import java.util.Optional;

/** The image formats maps and legends are encoded in, by their WMS FORMAT values. */
public enum ImageFormat {
    PNG("image/png", "png", true),
    /** 8-bit palette PNG: a quarter of the size of 32-bit PNG for maps of few colours. */
    PNG8("image/png8", "png", true),
    JPEG("image/jpeg", "jpeg", false);

    private final String mimeType;
    private final String extension;
    private final boolean alpha;

    ImageFormat(String mimeType, String extension, boolean alpha) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.alpha = alpha;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The Content-Type of the response: 8-bit PNG is still image/png. */
    public String contentType() {
        return this == PNG8 ? "image/png" : mimeType;
    }

    public String extension() {
        return extension;
    }

    public boolean supportsTransparency() {
        return alpha;
    }

    /** The format of a FORMAT value: {@code image/png8} and {@code image/png; mode=8bit} both mean 8-bit PNG. */
    public static Optional<ImageFormat> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.replace(" ", "").equals("image/png;mode=8bit")) {
            return Optional.of(PNG8);
        }
        return Arrays.stream(values()).filter(f -> f.mimeType.equals(v)).findFirst();
    }
}
