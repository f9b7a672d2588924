package org.clustergrid.portfolio;

import org.clustergrid.scenario.Intervention;

/**
 * A project that may be funded: one intervention, priced.
 *
 * @param basis how the cost was found ("entered", or the rate with its source)
 * @param origin who proposed it: {@code "given"}, or the rule that generated it
 */
public record Candidate(Intervention intervention, double cost, String basis, String origin) {
    public String id() {
        return intervention.id();
    }
}
