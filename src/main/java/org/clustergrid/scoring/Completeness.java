package org.clustergrid.scoring;

/**
 * When too little is known to score: a dimension is scored when its known indicators carry at least
 * {@code minDimension} of its indicator weight, the composite when the known indicators carry at least
 * {@code minComposite} of all the weight (each dimension's known share times the dimension's weight).
 */
public record Completeness(double minDimension, double minComposite) {
    /** The default profile's thresholds, also taken when a profile file has no {@code completeness} section. */
    public static final Completeness DEFAULT = new Completeness(0.5, 0.6);

    public Completeness {
        share("completeness.min_dimension", minDimension);
        share("completeness.min_composite", minComposite);
    }

    private static void share(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a share in (0, 1], not " + v);
        }
    }
}
