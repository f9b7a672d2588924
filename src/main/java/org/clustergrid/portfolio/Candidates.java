package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scoring.ScoringData;

/** Candidates priced and checked against the data, each on its own: two may be alternatives for the same road. */
public final class Candidates {
    /** Most candidates one selection weighs. */
    public static final int MAX = 1_000;

    private Candidates() {}

    /**
     * Each intervention of {@code proposed} as a candidate, applied to the data alone to price and check it.
     *
     * @throws ScenarioException naming every candidate that cannot be applied or priced, or too many of them
     */
    public static List<Applied> of(ScoringData data, Scenario proposed, CostProfile costs,
            Function<Intervention, String> origin) {
        List<Intervention> xs = proposed.interventions();
        if (xs.size() > MAX) {
            throw new ScenarioException("too many candidates", List.of("features: " + xs.size()
                    + " candidates, more than the " + MAX + " one selection weighs"));
        }
        List<String> problems = new ArrayList<>();
        List<Applied> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> roadAt = ScenarioApplier.roadPositions(data); // once, not once a candidate
        for (Intervention x : xs) {
            if (!ids.add(x.id())) {
                problems.add("candidate '" + x.id() + "': the id is used twice");
                continue;
            }
            try {
                ScenarioApplier.Applied a = ScenarioApplier.apply(data, new Scenario(proposed.name() + "/" + x.id(),
                        null, List.of(x)), costs, roadAt);
                ScenarioApplier.Priced p = a.priced().get(0);
                out.add(new Applied(new Candidate(x, p.cost(), p.basis(), origin.apply(x)), a));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("candidates of '" + proposed.name() + "' cannot be weighed", problems);
        }
        return out;
    }

    /** A candidate and the data with it alone applied. */
    public record Applied(Candidate candidate, ScenarioApplier.Applied alone) {}
}
