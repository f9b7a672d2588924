package org.clustergrid.scenario;

import java.util.List;

/** A scenario, or a cost profile, that cannot be used: every problem found, each naming the feature and field. */
public final class ScenarioException extends IllegalArgumentException {
    private final List<String> problems;

    public ScenarioException(String what, List<String> problems) {
        super(what + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
