package org.clustergrid.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.portfolio.CandidateGenerator;
import org.clustergrid.portfolio.Candidates;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.portfolio.PortfolioPlanner;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scoring.Parameters;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.DefaultProfile;

/**
 * A portfolio chosen on the scaled region of {@link ScoringBench} (10,000 clusters, ~1.3 M road segments): the
 * candidates made from the gaps (grid extensions at OnSSET's rate, branches and agents at stated test rates), the
 * first N of them (highest priority first), priced and weighed — each one's effect alone evaluated incrementally,
 * then the selection, the stability draws and the joint evaluation — under a budget; prints the time of each part.
 * Arguments: shared gis folder, tilesX, tilesY, clusters, candidates, budget, and optionally the paving rate, the new
 * road rate (USD per km; 0 for none) and the kinds of candidates to keep (e.g. {@code new_road}).
 */
public final class PortfolioBench {
    private PortfolioBench() {}

    public static void main(String[] args) throws Exception {
        ScoringData data = ScaledRegion.scoringData(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        int n = Integer.parseInt(args[4]);
        double budget = Double.parseDouble(args[5]);
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        ScoringRun before = ScoringRun.run(engine, profile.dimensionWeights());
        Map<String, CostProfile.Rate> rates = new java.util.HashMap<>(Map.of(
                "mv_line_km", new CostProfile.Rate(7000, "km", "OnSSET default mv_line_cost"),
                "finance_bank", new CostProfile.Rate(150_000, "each", "a stated test rate"),
                "finance_mobile_money_agent", new CostProfile.Rate(3_000, "each", "a stated test rate")));
        double paving = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        if (paving > 0) { // paving candidates along the clusters' routes join the others
            rates.put("road_upgrade_km", new CostProfile.Rate(paving, "km", "a stated test rate"));
        }
        double links = args.length > 7 ? Double.parseDouble(args[7]) : 0;
        if (links > 0) { // road links from clusters to the nearest road join the others
            rates.put("new_road_km", new CostProfile.Rate(links, "km", "a stated test rate"));
        }
        // only candidates of these kinds (e.g. new_road), when given
        java.util.Set<String> kinds = args.length > 8 ? java.util.Set.of(args[8].split(",")) : null;
        CostProfile costs = new CostProfile("bench", "USD", rates);
        Parameters p = profile.parameters();
        long s = System.nanoTime();
        CandidateGenerator.Generated g = CandidateGenerator.generate(engine, before, costs, p.ruralAccessDistanceM(),
                p.e2sfcaCatchmentM());
        List<org.clustergrid.scenario.Intervention> kept = g.candidates().interventions().stream().filter(x ->
                kinds == null || kinds.contains(x.kind().name().toLowerCase(Locale.ROOT))).toList();
        List<org.clustergrid.scenario.Intervention> first = kept.subList(0, Math.min(n, kept.size()));
        double generate = (System.nanoTime() - s) / 1e9;
        s = System.nanoTime();
        List<Candidates.Applied> cs = Candidates.of(data, new Scenario("bench", null, first), costs,
                CandidateGenerator::origin);
        double price = (System.nanoTime() - s) / 1e9;
        s = System.nanoTime();
        Portfolio portfolio = PortfolioPlanner.plan(engine, before, cs, costs, budget, Objective.PRIORITY, g.notes());
        double plan = (System.nanoTime() - s) / 1e9;
        System.out.printf(Locale.ROOT, "%d clusters; %d candidates made in %.2f s, the first %d priced in %.2f s;"
                + " weighed and chosen in %.1f s (%.2f s a candidate): %d picks for %,.0f USD by %s, priority gain"
                + " %.1f, bound %s, evaluated together %.1f%n", data.clusters().size(),
                g.candidates().interventions().size(), generate, cs.size(), price, plan, plan / cs.size(),
                portfolio.picks().size(), portfolio.cost(), portfolio.method(), portfolio.gain(), portfolio.bound(),
                portfolio.evaluatedGain());
        portfolio.warnings().forEach(w -> System.out.println("warning: " + w));
        System.out.println("candidates weighed by origin: " + cs.stream().collect(java.util.stream.Collectors
                .groupingBy(c -> c.candidate().origin(), java.util.TreeMap::new, java.util.stream.Collectors
                        .counting())));
    }
}
