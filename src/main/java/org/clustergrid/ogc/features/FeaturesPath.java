package org.clustergrid.ogc.features;

/** Where the API is mounted; {@code clustergrid.ogc-features.path} moves it without touching the code. */
final class FeaturesPath {
    static final String DEFAULT = "/ogc/features";
    /** For {@code @RequestMapping} and {@code @Value}: the configured path, else {@link #DEFAULT}. */
    static final String MAPPING = "${clustergrid.ogc-features.path:" + DEFAULT + "}";

    private FeaturesPath() {}
}
