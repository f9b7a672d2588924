package org.clustergrid.ogc.wms;

/** The WMS versions served, oldest first. */
enum WmsVersion {
    V1_1_1("1.1.1"),
    V1_3_0("1.3.0");

    private final String text;

    WmsVersion(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /**
     * Version negotiation for GetCapabilities (WMS 1.3.0, 6.2.4): no version or one above the highest gets the
     * highest; one below the lowest gets the lowest; one in between gets the next lower version served.
     */
    static WmsVersion negotiate(String requested) {
        if (requested == null || requested.isBlank()) {
            return V1_3_0;
        }
        int[] r = parse(requested);
        if (r == null) {
            return V1_3_0;
        }
        if (compare(r, parse(V1_3_0.text)) >= 0) {
            return V1_3_0;
        }
        return V1_1_1; // below 1.3.0: 1.1.1 is both the next lower and, below it, the lowest
    }

    /** The version of an operation other than GetCapabilities, which must name one exactly (1.1.0 is read as 1.1.1). */
    static WmsVersion exact(String requested) {
        if (requested == null || requested.isBlank()) {
            throw WmsException.missing("VERSION", V1_3_0);
        }
        return switch (requested.strip()) {
            case "1.3.0", "1.3" -> V1_3_0;
            case "1.1.1", "1.1.0", "1.1" -> V1_1_1;
            default -> throw new WmsException(ExceptionCode.InvalidParameterValue,
                    "VERSION " + requested + " is not served; use 1.3.0 or 1.1.1", "VERSION", V1_3_0);
        };
    }

    /** The version to report an error in, from whatever VERSION a request carried. */
    static WmsVersion forErrors(String requested) {
        return requested != null && requested.strip().startsWith("1.1") ? V1_1_1 : V1_3_0;
    }

    private static int[] parse(String v) {
        String[] parts = v.strip().split("\\.");
        int[] out = new int[3];
        try {
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                out[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
