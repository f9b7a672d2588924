package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.portfolio.CandidateGenerator;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.InterventionKind;
import org.clustergrid.scenario.ScenarioApplier;

/**
 * The candidate projects the portfolio work makes for a cluster's gaps (grid extension, branch, agent, road link),
 * each priced by the cost profile where it has a rate; and why kinds are missing (no rate).
 *
 * @param notes what the generator left out and why, as it says it
 */
public record CandidateProjects(List<Project> projects, List<String> notes, String currency, String costProfile) {

    /** One candidate: what, how long (lines), its cost and how it was found; cost null when no rate prices it. */
    public record Project(String id, String name, String origin, Double km, Double cost, String basis) {}

    public CandidateProjects {
        projects = List.copyOf(projects);
        notes = List.copyOf(notes);
    }

    /** The generated candidates that are this cluster's own (their ids end in its Cluster Grid ID). */
    static CandidateProjects of(CandidateGenerator.Generated generated, String clusterId, CostProfile costs) {
        List<Project> out = new ArrayList<>();
        for (Intervention x : generated.candidates().interventions()) {
            if (!ownedBy(x.id(), clusterId)) {
                continue;
            }
            Double km = x.kind() == InterventionKind.NEW_ROAD || x.kind() == InterventionKind.NEW_POWER_LINE
                    ? ScenarioApplier.kilometres(List.of(x.geometry())) : null;
            var priced = ScenarioApplier.price(x, km, costs);
            out.add(new Project(x.id(), x.name(), CandidateGenerator.origin(x), km,
                    priced.map(ScenarioApplier.Priced::cost).orElse(null),
                    priced.map(ScenarioApplier.Priced::basis).orElse("no rate in the cost profile")));
        }
        return new CandidateProjects(out, generated.notes(), costs.currency(), costs.name());
    }

    /** The generator names a cluster's own candidates {@code kind-ID}; shared branches are {@code bank-town-…}. */
    private static boolean ownedBy(String id, String clusterId) {
        return !id.startsWith("bank-town-") && (id.equals("grid-" + clusterId) || id.equals("bank-" + clusterId)
                || id.equals("agent-" + clusterId) || id.equals("link-" + clusterId));
    }
}
