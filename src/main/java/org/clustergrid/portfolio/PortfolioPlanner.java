package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluator;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;

/**
 * Chooses the portfolio a budget buys from priced candidates: each candidate's effect alone is evaluated
 * incrementally, the {@link PortfolioModel} objective is maximised — over every affordable subset when there are at
 * most {@value #EXHAUSTIVE_MAX} candidates, else by the cost-effective greedy with its bound and by the exact solver
 * ({@link ExactSolver}) within its time — on the coverage form while the objective is submodular, else on the
 * configuration form while few candidates reach each cluster — and the picks are then evaluated together as one
 * scenario.
 */
public final class PortfolioPlanner {
    /** Most candidates whose every affordable subset is tried (4,096 subsets). */
    public static final int EXHAUSTIVE_MAX = 12;
    /** Longest the exact solver runs before its best portfolio and bound are taken. */
    static final double SOLVER_SECONDS = 20;
    /** Most candidates reaching one cluster for the exact form of an objective that is not submodular. */
    static final int CONFIGURATION_CANDIDATES = 12;
    /** Most subsets of candidates, over all clusters, in that form. */
    static final long CONFIGURATION_SUBSETS = 100_000;

    private PortfolioPlanner() {}

    /**
     * @param engine the engine {@code before} was run on
     * @param notes said of the candidates before the planner's own warnings (e.g. kinds not generated)
     * @throws ScenarioException when the budget is not a positive amount
     */
    public static Portfolio plan(ScoringEngine engine, ScoringRun before, List<Candidates.Applied> candidates,
            CostProfile costs, double budget, Objective objective, List<String> notes) {
        return plan(engine, before, candidates, costs, budget, objective, notes, SOLVER_SECONDS);
    }

    /** As above, the exact solver given {@code solverSeconds} (it stops sooner once it proves the optimum). */
    static Portfolio plan(ScoringEngine engine, ScoringRun before, List<Candidates.Applied> candidates,
            CostProfile costs, double budget, Objective objective, List<String> notes, double solverSeconds) {
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new ScenarioException("no portfolio", List.of("budget: " + budget + " is not an amount above 0 (in "
                    + costs.currency() + ")"));
        }
        // each candidate's effect alone, two or more at once: much of one is a single search, which leaves a core idle;
        // a request out of time stops between candidates
        org.clustergrid.scoring.Cancellation watching = org.clustergrid.scoring.Cancellation.current();
        Effect[] each = new Effect[candidates.size()];
        java.util.stream.IntStream.range(0, each.length).parallel().forEach(j -> each[j] =
                org.clustergrid.scoring.Cancellation.under(watching, () -> Effects.of(engine, before, candidates.get(j))));
        List<Effect> effects = List.of(each);
        double[] price = new double[candidates.size()];
        boolean submodular = true;
        for (int j = 0; j < candidates.size(); j++) {
            submodular &= !each[j].makesKnown();
            price[j] = candidates.get(j).candidate().cost();
        }
        PortfolioModel model = new PortfolioModel(engine, before, effects, objective);
        Selection.Choice choice;
        Double bound;
        if (candidates.size() <= EXHAUSTIVE_MAX) {
            choice = Selection.exhaustive(model, price, budget);
            bound = choice.value();
        } else {
            choice = Selection.greedyOrBestSingle(model, price, budget);
            bound = submodular ? Selection.bound(model, choice, price, budget) : null;
        }
        List<String> warnings = new ArrayList<>(notes);
        // not submodular: exact over each cluster's subsets of candidates, while they are few
        java.util.Optional<ConfigurationProblem> configurations = submodular || candidates.size() <= EXHAUSTIVE_MAX
                ? java.util.Optional.empty()
                : model.configurations(price, budget, CONFIGURATION_CANDIDATES, CONFIGURATION_SUBSETS);
        boolean solving = candidates.size() > EXHAUSTIVE_MAX && (submodular || configurations.isPresent());
        // the solver rarely beats the greedy at this size, and works on one core: what the greedy's picks come with is
        // made beside it on the other, and again only when the solver's picks replace them
        Selection.Choice greedy = choice;
        java.util.concurrent.CompletableFuture<Outcome> ahead = solving
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> org.clustergrid.scoring.Cancellation.under(
                        watching, () -> outcome(engine, before, candidates, model, price, budget, greedy, costs)))
                : null;
        if (solving) {
            // the exact solver, within its time; the greedy's picks and bound stand where it does no better
            java.util.Optional<ExactSolver.Solution> exact = submodular
                    ? ExactSolver.solve(model.coverage(price, budget), solverSeconds)
                    : ExactSolver.solve(configurations.get(), solverSeconds);
            if (exact.isEmpty()) {
                warnings.add(ExactSolver.available() ? "the exact solver found no portfolio within " + solverSeconds
                        + " s: the greedy's stands" : "the exact solver (OR-Tools) does not load on this machine:"
                        + " the greedy's portfolio stands");
            } else {
                ExactSolver.Solution s = exact.get();
                List<Integer> set = new ArrayList<>();
                for (int j = 0; j < s.chosen().length; j++) {
                    if (s.chosen()[j]) {
                        set.add(j);
                    }
                }
                String how = s.optimal() ? "exact (SCIP)" : String.format(Locale.ROOT, "SCIP, best found in %.0f s",
                        solverSeconds);
                Selection.Choice solved = Selection.ordered(model, set, price, how);
                if (solved.value() >= choice.value()) {
                    choice = solved;
                }
                // proven optimal: the picks' own value is the bound (the two forms differ by rounding only)
                bound = s.optimal() ? Double.valueOf(choice.value())
                        : Double.valueOf(bound == null ? s.bound() : Math.min(bound, s.bound()));
            }
        }
        long unsized = effects.stream().flatMapToInt(e -> java.util.Arrays.stream(e.clusters())).distinct()
                .filter(c -> before.ranked().get(c).score().gap() != null
                        && before.ranked().get(c).score().priority() == null).count();
        if (objective == Objective.PRIORITY && unsized > 0) {
            warnings.add(unsized + " of the clusters the candidates reach have no size (employment or firms): they"
                    + " count for nothing under the priority objective; the gap objective weighs every cluster alike");
        }
        if (!submodular && bound == null) {
            boolean[] chosen = new boolean[price.length];
            choice.order().forEach(j -> chosen[j] = true);
            bound = Relaxation.of(model, price, budget).bound(chosen);
            warnings.add("some candidates make an indicator known that the data could not measure (they hold none of"
                    + " its kind, or none here): the objective may then not be submodular, and with more than "
                    + CONFIGURATION_CANDIDATES + " candidates reaching one cluster (or " + CONFIGURATION_SUBSETS
                    + " subsets in all) it is not solved exactly; the bound is that of a submodular objective at"
                    + " least as high on every set of candidates, so it is looser");
        }
        Outcome o = ahead != null && choice == greedy ? join(ahead)
                : outcome(engine, before, candidates, model, price, budget, choice, costs);
        if (o.unevaluated() != null) {
            warnings.add(o.unevaluated());
        }
        List<Portfolio.Step> curve = new ArrayList<>();
        Selection.Choice all = Selection.greedy(model, price, Double.POSITIVE_INFINITY);
        double curveCost = 0;
        double curveGain = 0;
        for (int k = 0; k < all.order().size(); k++) {
            curveCost += price[all.order().get(k)];
            curveGain += all.gains().get(k);
            curve.add(new Portfolio.Step(candidates.get(all.order().get(k)).candidate().id(), curveCost, curveGain));
        }
        return new Portfolio(objective, budget, costs.currency(), candidates.size(), o.picks(), o.cost(), o.gain(),
                bound, choice.method(), curve, o.evaluated(), warnings);
    }

    /**
     * What a choice comes with: its picks, each with its stability and share at each cluster, and the picks evaluated
     * together.
     *
     * @param unevaluated why the joint evaluation is left out; null when it is not
     */
    private record Outcome(List<Portfolio.Pick> picks, double cost, double gain,
            org.clustergrid.scenario.ScenarioEvaluation evaluated, String unevaluated) {}

    private static Outcome outcome(ScoringEngine engine, ScoringRun before, List<Candidates.Applied> candidates,
            PortfolioModel model, double[] price, double budget, Selection.Choice choice, CostProfile costs) {
        List<Portfolio.Pick> picks = new ArrayList<>();
        double cost = 0;
        double gain = 0;
        List<Intervention> chosen = new ArrayList<>();
        double[] stability = ChoiceStability.of(model, price, budget, choice.order(), before.weights(),
                engine.profile().parameters().stabilityPerturbation());
        PortfolioModel replay = model.empty(); // again, in order, for each pick's share at each cluster
        for (int k = 0; k < choice.order().size(); k++) {
            int j = choice.order().get(k);
            Candidate c = candidates.get(j).candidate();
            cost += c.cost();
            gain += choice.gains().get(k);
            picks.add(new Portfolio.Pick(c, choice.gains().get(k), cost, gain, stability[k],
                    clusterGains(replay, j, before)));
            replay.add(j);
            chosen.add(c.intervention());
        }
        org.clustergrid.scenario.ScenarioEvaluation evaluated = null;
        if (!chosen.isEmpty()) {
            try {
                ScenarioApplier.Applied together = ScenarioApplier.apply(engine.data(), new Scenario("portfolio",
                        null, chosen), costs);
                evaluated = ScenarioEvaluator.evaluate("portfolio", together, before, engine, before.weights());
            } catch (ScenarioException e) {
                return new Outcome(picks, cost, gain, null, "the picks cannot be applied together ("
                        + String.join("; ", e.problems()) + "): their joint evaluation is left out");
            }
        }
        return new Outcome(picks, cost, gain, evaluated, null);
    }

    private static Outcome join(java.util.concurrent.CompletableFuture<Outcome> ahead) {
        try {
            return ahead.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The clusters candidate {@code j} adds to on top of those in {@code m}, each with its share, largest first. */
    private static List<Portfolio.ClusterGain> clusterGains(PortfolioModel m, int j, ScoringRun before) {
        int[] reached = m.reached(j);
        double[] share = new double[reached.length];
        m.gain(j, share);
        List<Portfolio.ClusterGain> out = new ArrayList<>();
        for (int k = 0; k < reached.length; k++) {
            if (share[k] > 0) {
                out.add(new Portfolio.ClusterGain(before.ranked().get(reached[k]).score().id(), share[k]));
            }
        }
        out.sort(java.util.Comparator.comparingDouble((Portfolio.ClusterGain g) -> -g.gain())
                .thenComparing(Portfolio.ClusterGain::clusterGridId));
        return out;
    }
}
