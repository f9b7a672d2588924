package org.clustergrid.scoring;

import java.util.Locale;
import java.util.Objects;
import org.clustergrid.model.Layer;

/**
 * Why an indicator has no value: unknown, never zero. The message says it in a planner's words.
 *
 * @param reason the kind of gap in the data
 * @param message the reason for this indicator, naming the layer or limit
 * @param layer the layer whose data are lacking, when one is
 */
public record Missing(Reason reason, String message, Layer layer) {
    /** The kinds of "unknown". */
    public enum Reason {
        /** The store has no feature of the layer at all. */
        EMPTY_LAYER,
        /** No dataset of the layer covers the place: its nearest feature elsewhere says nothing about it. */
        OUTSIDE_COVERAGE,
        /** The answer lies beyond the data's coverage (e.g. the markets of a tier lie where no roads are mapped). */
        BEYOND_COVERAGE,
        /** Farther from any road than the off-road limit: no travel time over the network is meaningful. */
        OFF_NETWORK,
        /** The data hold no market of this tier. */
        NO_MARKET_OF_TIER,
        /** No feature close enough reports the value (e.g. hours of supply). */
        NOT_REPORTED,
        /**
         * A context layer cannot answer what the profile asks of it: no such attribute, an attribute of the wrong
         * type, a filter it refuses, or more features than a run reads.
         */
        LAYER_UNUSABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Missing(Reason reason, String message) {
        this(reason, message, null);
    }

    public Missing {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
