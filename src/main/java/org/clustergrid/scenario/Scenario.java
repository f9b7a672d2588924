package org.clustergrid.scenario;

import java.util.List;
import java.util.Objects;

/** A named set of interventions on the data, as the user gave it. */
public record Scenario(String name, String description, List<Intervention> interventions) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        interventions = List.copyOf(interventions);
    }
}
