package org.clustergrid.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.InterventionKind;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.PokharaLayers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** Portfolios chosen from candidate projects on the real Pokhara layers, candidates at clusters with a gap. */
class PortfolioPlannerTest {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static ScoringData data;
    private static ScoringEngine engine;
    private static ScoringRun before;
    /** The clusters with a gap, where candidates are placed. */
    private static List<StoredFeature> withGap;

    /**
     * The real Pokhara layers, with a cluster of 40 to 1,000 workers at each of the extract's OSM villages (the
     * city's own clusters have no gap to close); read once for the class, from each test so each skips without it.
     */
    @BeforeEach
    void scoreTheDataAsTheyAre() throws Exception {
        if (before != null) {
            return;
        }
        Map<Layer, List<StoredFeature>> p = PokharaLayers.read();
        List<StoredFeature> villages = new ArrayList<>();
        for (StoredFeature f : p.get(Layer.MARKETS)) {
            if (f.feature() instanceof Market m && m.kind() == Market.MarketKind.VILLAGE) {
                int workers = 40 + (villages.size() * 97) % 960;
                villages.add(new StoredFeature("villages", new Cluster(String.format(Locale.ROOT, "CG-NP-%06d",
                        villages.size() + 1), m.id(), m.name(), null, null, null, null, workers, null, m.geometry(),
                        "test", Map.of())));
            }
        }
        data = new ScoringData(1, villages, p.get(Layer.ROADS), p.get(Layer.POWER), p.get(Layer.FINANCE),
                p.get(Layer.MARKETS));
        ScoringProfile profile = DefaultProfile.read();
        engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        before = ScoringRun.run(engine, profile.dimensionWeights());
        withGap = new ArrayList<>();
        for (int c = 0; c < data.clusters().size(); c++) {
            Double gap = before.ranked().get(c).score().gap();
            if (gap != null && gap > 0) {
                withGap.add(data.clusters().get(c));
            }
        }
        System.out.printf(Locale.ROOT, "%d village clusters, %d with a gap%n", villages.size(), withGap.size());
    }

    @Test
    void theGreedyNeverBeatsEverySubsetNorTheBound() {
        for (int seed = 1; seed <= 4; seed++) {
            List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(seed), 14), CostProfile.none("USD"),
                    x -> "given");
            List<Effect> effects = cs.stream().map(c -> Effects.of(engine, before, c)).toList();
            double[] costs = cs.stream().mapToDouble(c -> c.candidate().cost()).toArray();
            // the data's power lines are all high voltage, as these are: no candidate makes a kind known, so the
            // objective is submodular and the bound holds
            assertThat(effects).noneMatch(Effect::makesKnown);
            PortfolioModel model = new PortfolioModel(engine, before, effects, Objective.GAP);
            double budget = 200_000;
            Selection.Choice exact = Selection.exhaustive(model, costs, budget);
            Selection.Choice greedy = Selection.greedyOrBestSingle(model, costs, budget);
            double bound = Selection.bound(model, greedy, costs, budget);
            assertThat(exact.value()).as("seed " + seed).isPositive();
            assertThat(greedy.value()).isLessThanOrEqualTo(exact.value() + 1e-9);
            assertThat(exact.value()).isLessThanOrEqualTo(bound + 1e-9);
            // Khuller, Moss & Naor: within (1 − 1/e)/2 of the optimum
            assertThat(greedy.value()).isGreaterThanOrEqualTo(exact.value() * (1 - 1 / Math.E) / 2);
            assertThat(exact.order().stream().mapToDouble(j -> costs[j]).sum()).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void theSolverFindsWhatEverySubsetFinds() {
        assertThat(ExactSolver.available()).as("OR-Tools' native library loads").isTrue();
        for (int seed = 11; seed <= 14; seed++) {
            List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(seed), 14), CostProfile.none("USD"),
                    x -> "given");
            List<Effect> effects = cs.stream().map(c -> Effects.of(engine, before, c)).toList();
            assertThat(effects).noneMatch(Effect::makesKnown);
            double[] costs = cs.stream().mapToDouble(c -> c.candidate().cost()).toArray();
            for (Objective o : Objective.values()) {
                PortfolioModel model = new PortfolioModel(engine, before, effects, o);
                double budget = 150_000;
                CoverageProblem problem = model.coverage(costs, budget);
                // the coverage form is the model's objective: equal on random subsets
                assertEqualOnRandomSubsets(problem::value, model, seed);
                Selection.Choice every = Selection.exhaustive(model, costs, budget);
                ExactSolver.Solution s = ExactSolver.solve(problem, 30).orElseThrow();
                assertThat(s.optimal()).isTrue();
                assertThat(s.value()).as("seed " + seed + " " + o).isCloseTo(every.value(),
                        within(1e-6 * Math.max(1, every.value())));
                assertThat(s.bound()).isGreaterThanOrEqualTo(s.value() - 1e-6 * Math.max(1, s.value()));
                // the planner, over 12 candidates, solves it so
                Portfolio p = PortfolioPlanner.plan(engine, before, cs, CostProfile.none("USD"), budget, o, List.of());
                assertThat(p.method()).isEqualTo("exact (SCIP)");
                assertThat(p.gain()).isCloseTo(every.value(), within(1e-6 * Math.max(1, every.value())));
                assertThat(p.optimalityGap()).isZero();
            }
        }
    }

    @Test
    void candidatesThatMakeAnIndicatorKnownAreStillChosenExactly() {
        assertThat(ExactSolver.available()).as("OR-Tools' native library loads").isTrue();
        for (int seed = 21; seed <= 22; seed++) {
            // 11 kV lines where the data hold only high-voltage ones: each makes the MV distance known
            List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(seed), 14, 11),
                    CostProfile.none("USD"), x -> "given");
            List<Effect> effects = cs.stream().map(c -> Effects.of(engine, before, c)).toList();
            assertThat(effects).anyMatch(Effect::makesKnown);
            double[] costs = cs.stream().mapToDouble(c -> c.candidate().cost()).toArray();
            for (Objective o : Objective.values()) {
                PortfolioModel model = new PortfolioModel(engine, before, effects, o);
                double budget = 150_000;
                ConfigurationProblem problem = model.configurations(costs, budget,
                        PortfolioPlanner.CONFIGURATION_CANDIDATES, PortfolioPlanner.CONFIGURATION_SUBSETS).orElseThrow();
                // the configuration form is the model's objective: equal on random subsets
                assertEqualOnRandomSubsets(problem::value, model, seed);
                Selection.Choice every = Selection.exhaustive(model, costs, budget);
                ExactSolver.Solution s = ExactSolver.solve(problem, 300).orElseThrow();
                assertThat(s.optimal()).isTrue();
                assertThat(s.value()).as("seed " + seed + " " + o).isCloseTo(every.value(),
                        within(1e-6 * Math.max(1, every.value())));
                Portfolio p = PortfolioPlanner.plan(engine, before, cs, CostProfile.none("USD"), budget, o, List.of(),
                        300); // time enough on a busy machine: the solver stops once it proves the optimum
                assertThat(p.method()).isEqualTo("exact (SCIP)");
                assertThat(p.gain()).isCloseTo(every.value(), within(1e-6 * Math.max(1, every.value())));
                assertThat(p.optimalityGap()).isZero();
                // too many candidates at one cluster for the form: none made
                assertThat(model.configurations(costs, budget, 1, 100_000)).isEmpty();
            }
        }
    }

    @Test
    void whereNotSolvedExactlyARelaxationBoundsTheObjective() {
        for (int seed = 23; seed <= 24; seed++) {
            // 11 kV lines where the data hold only high-voltage ones: each makes the MV distance known everywhere
            List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(seed), 14, 11),
                    CostProfile.none("USD"), x -> "given");
            List<Effect> effects = cs.stream().map(c -> Effects.of(engine, before, c)).toList();
            assertThat(effects).anyMatch(Effect::makesKnown);
            double[] costs = cs.stream().mapToDouble(c -> c.candidate().cost()).toArray();
            double budget = 150_000;
            for (Objective o : Objective.values()) {
                PortfolioModel model = new PortfolioModel(engine, before, effects, o);
                CoverageProblem relaxed = Relaxation.of(model, costs, budget);
                Random r = new Random(seed);
                for (int t = 0; t < 60; t++) {
                    boolean[] chosen = new boolean[model.size()];
                    PortfolioModel m = model.empty();
                    for (int j = 0; j < chosen.length; j++) {
                        if (r.nextInt(t % 3 + 2) == 0) {
                            chosen[j] = true;
                            m.add(j);
                        }
                    }
                    assertThat(relaxed.value(chosen)).as("seed %d %s set %d", seed, o, t)
                            .isGreaterThanOrEqualTo(m.value() - 1e-9 * Math.max(1, Math.abs(m.value())));
                }
                // the bound around the greedy's picks is above the optimum every subset finds
                Selection.Choice every = Selection.exhaustive(model, costs, budget);
                Selection.Choice greedy = Selection.greedyOrBestSingle(model, costs, budget);
                boolean[] picked = new boolean[model.size()];
                greedy.order().forEach(j -> picked[j] = true);
                double bound = relaxed.bound(picked);
                assertThat(bound).as("seed %d %s", seed, o).isGreaterThanOrEqualTo(every.value() * (1 - 1e-9));
                System.out.printf(Locale.ROOT, "seed %d %s: optimum %.3f, greedy %.3f, relaxation's bound %.3f%n",
                        seed, o, every.value(), greedy.value(), bound);
            }
        }
    }

    @Test
    void aFewCandidatesAreWeighedInEveryCombinationAndEvaluatedTogether() {
        List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(5), 8), CostProfile.none("USD"),
                x -> "given");
        Portfolio p = PortfolioPlanner.plan(engine, before, cs, CostProfile.none("USD"), 150_000, Objective.GAP, List.of());
        assertThat(p.method()).isEqualTo("every subset");
        assertThat(p.bound()).isEqualTo(p.gain());
        assertThat(p.cost()).isLessThanOrEqualTo(150_000);
        assertThat(p.picks()).isNotEmpty();
        assertThat(p.picks().get(p.picks().size() - 1).cumulativeGain()).isCloseTo(p.gain(), within(1e-9));
        // the model counts the better of two projects on one indicator; together they give at least that
        assertThat(p.evaluatedGain()).isGreaterThanOrEqualTo(p.gain() * (1 - 1e-9));
        assertThat(p.curve().get(p.curve().size() - 1).cumulativeGain()).isGreaterThanOrEqualTo(p.gain() - 1e-9);
        assertThat(p.picks()).allSatisfy(x -> assertThat(x.stability()).isBetween(0.0, 1.0));
        // unperturbed weights choose the same projects every time
        List<Effect> effects = cs.stream().map(c -> Effects.of(engine, before, c)).toList();
        double[] costs = cs.stream().mapToDouble(c -> c.candidate().cost()).toArray();
        PortfolioModel model = new PortfolioModel(engine, before, effects, Objective.GAP);
        List<Integer> picked = Selection.exhaustive(model, costs, 150_000).order();
        assertThat(ChoiceStability.of(model, costs, 150_000, picked, before.weights(), 0)).containsOnly(1.0);
    }

    @Test
    void aPortfolioOfOneProjectGainsWhatItsEvaluationSays() {
        List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(7), 6), CostProfile.none("USD"),
                x -> "given");
        double cheapest = cs.stream().mapToDouble(c -> c.candidate().cost()).min().orElseThrow();
        Portfolio p = PortfolioPlanner.plan(engine, before, cs, CostProfile.none("USD"), cheapest, Objective.GAP, List.of());
        assertThat(p.picks()).hasSize(1);
        assertThat(p.gain()).isPositive();
        assertThat(p.evaluatedGain()).isCloseTo(p.gain(), within(1e-9 * p.gain()));
    }

    @Test
    void candidatesMadeFromTheGaps() {
        CostProfile costs = new CostProfile("test", "USD", Map.of(
                "mv_line_km", new CostProfile.Rate(7000, "km", "OnSSET"),
                "finance_bank", new CostProfile.Rate(150_000, "each", "a test rate"),
                "finance_mobile_money_agent", new CostProfile.Rate(3_000, "each", "a test rate")));
        CandidateGenerator.Generated g = CandidateGenerator.generate(engine, before, costs, 2000, 10_000);
        assertThat(g.notes()).containsExactly("no road links made: cost profile 'test' has no rate 'new_road_km'",
                "no paving candidates made: cost profile 'test' has no rate 'road_upgrade_km'");
        List<Intervention> xs = g.candidates().interventions();
        assertThat(xs).extracting(Intervention::kind).contains(InterventionKind.NEW_POWER_LINE,
                InterventionKind.FINANCE_POINT).doesNotContain(InterventionKind.NEW_ROAD);
        assertThat(xs).allSatisfy(x -> assertThat(x.id()).matches("(grid|bank|agent|bank-town)-.+"));
        // every cluster-bound candidate is at a cluster with a gap in its dimension
        for (Intervention x : xs) {
            if (!x.id().startsWith("bank-town-")) {
                String cluster = x.id().substring(x.id().indexOf("CG-"));
                assertThat(withGap).extracting(StoredFeature::layerId).contains(cluster);
            }
        }
        List<Candidates.Applied> cs = Candidates.of(data, g.candidates(), costs, CandidateGenerator::origin);
        assertThat(cs).allSatisfy(c -> assertThat(c.candidate().origin()).startsWith("generated: "));
        Portfolio p = PortfolioPlanner.plan(engine, before, cs, costs, 400_000, Objective.GAP, g.notes());
        assertThat(p.method()).isIn("greedy", "best single project", "every subset");
        assertThat(p.gain()).isPositive();
        assertThat(p.cost()).isLessThanOrEqualTo(400_000);
        assertThat(p.warnings()).startsWith(g.notes().get(0));
        // the 33 kV lines make the MV distance known: too many reach each cluster to solve it exactly, so the
        // bound is the relaxation's
        assertThat(p.bound()).isNotNull().isGreaterThanOrEqualTo(p.gain());
        assertThat(p.warnings()).anyMatch(w -> w.contains("looser"));
        System.out.printf(Locale.ROOT, "%d candidates made; %d picked for %,.0f USD by %s, gap closed %.2f (evaluated"
                + " together %.2f), bound %s%n", cs.size(), p.picks().size(), p.cost(), p.method(), p.gain(),
                p.evaluatedGain(), p.bound());
    }

    @Test
    void pavingCandidatesFollowTheRoutesAndCloseGaps() {
        CostProfile costs = new CostProfile("test", "USD", Map.of(
                "road_upgrade_km", new CostProfile.Rate(60_000, "km", "a test rate")));
        CandidateGenerator.Generated g = CandidateGenerator.generate(engine, before, costs, 2000, 10_000);
        List<Intervention> xs = g.candidates().interventions();
        assertThat(xs).isNotEmpty().allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(InterventionKind.UPGRADE_ROAD);
            assertThat(x.id()).matches("pave-(market-)?CG-NP-\\d{6}");
            assertThat(x.roadIds()).isNotEmpty();
        });
        assertThat(xs).anyMatch(x -> x.id().startsWith("pave-market-"));
        // no road is paved by two candidates, so they can all be applied (and paid for) together
        List<String> all = xs.stream().flatMap(x -> x.roadIds().stream()).toList();
        assertThat(all).doesNotHaveDuplicates();
        Map<String, org.clustergrid.model.Road> byId = new java.util.HashMap<>();
        data.roads().forEach(f -> byId.put(f.layerId(), (org.clustergrid.model.Road) f.feature()));
        for (Intervention x : xs) {
            for (String id : x.roadIds()) {
                org.clustergrid.model.Road r = byId.get(id);
                assertThat(r.paving()).as("road %s of %s", id, x.id()).isNotEqualTo(
                        org.clustergrid.model.Road.Paving.PAVED);
                assertThat(org.clustergrid.model.RoadRules.isMotorable(r.roadClass())).isTrue();
            }
        }
        org.clustergrid.scenario.ScenarioApplier.apply(data, g.candidates(), costs);
        // paving a cluster's route to the all-season network brings the network nearer to it, never farther
        List<Candidates.Applied> cs = Candidates.of(data, g.candidates(), costs, CandidateGenerator::origin);
        int nearer = 0;
        int routes = 0;
        for (Candidates.Applied c : cs) {
            String id = c.candidate().id();
            if (id.startsWith("pave-market-")) {
                continue;
            }
            routes++;
            String cluster = id.substring("pave-".length());
            int at = position(cluster);
            ScoringEngine after = engine.derive(c.alone().data(), c.alone().changes());
            double was = before.ranked().get(at).score().indicators()
                    .get(org.clustergrid.scoring.Indicator.ROAD_ALL_SEASON_DISTANCE).value();
            double now = after.scoreCluster(c.alone().data().clusters().get(at), before.weights()).indicators()
                    .get(org.clustergrid.scoring.Indicator.ROAD_ALL_SEASON_DISTANCE).value();
            assertThat(now).as(id).isLessThanOrEqualTo(was);
            if (now < was - 1) {
                nearer++;
            }
            assertThat(c.candidate().origin()).isEqualTo("generated: paving the route to the all-season network");
        }
        assertThat(routes).isPositive();
        assertThat(nearer).isGreaterThanOrEqualTo((routes + 1) / 2);
        Portfolio p = PortfolioPlanner.plan(engine, before, cs, costs, 500_000, Objective.GAP, g.notes());
        assertThat(p.gain()).isPositive();
        assertThat(p.evaluatedGain()).isNotNull();
        System.out.printf(Locale.ROOT, "%d paving candidates (%d to the all-season network, %d of them bring it"
                + " nearer); %d picked for %,.0f USD, gap closed %.2f%n", cs.size(), routes, nearer,
                p.picks().size(), p.cost(), p.gain());
    }

    @Test
    void measuringOnlyTheClustersThatCanGainGivesTheSameGains() {
        // every kind of generated project, paving among them: each one's gain alone, under both objectives, is the
        // same whether every cluster it reaches is measured or only those whose gap it can move
        CostProfile costs = new CostProfile("test", "USD", Map.of(
                "mv_line_km", new CostProfile.Rate(7000, "km", "OnSSET"),
                "finance_bank", new CostProfile.Rate(150_000, "each", "a test rate"),
                "finance_mobile_money_agent", new CostProfile.Rate(3_000, "each", "a test rate"),
                "road_upgrade_km", new CostProfile.Rate(60_000, "km", "a test rate")));
        CandidateGenerator.Generated g = CandidateGenerator.generate(engine, before, costs, 2000, 10_000);
        List<Candidates.Applied> cs = Candidates.of(data, g.candidates(), costs, CandidateGenerator::origin);
        List<Effect> some = new ArrayList<>();
        List<Effect> all = new ArrayList<>();
        int fewer = 0;
        for (Candidates.Applied c : cs) {
            Effect a = Effects.of(engine, before, c, false);
            Effect s = Effects.of(engine, before, c, true);
            all.add(a);
            some.add(s);
            fewer += s.clusters().length < a.clusters().length ? 1 : 0;
        }
        for (Objective o : Objective.values()) {
            PortfolioModel whole = new PortfolioModel(engine, before, all, o);
            PortfolioModel part = new PortfolioModel(engine, before, some, o);
            for (int j = 0; j < cs.size(); j++) {
                assertThat(part.gain(j)).as("%s under %s", cs.get(j).candidate().id(), o).isEqualTo(whole.gain(j));
            }
            // and together: projects added one by one in random orders add the same each time
            java.util.Random random = new java.util.Random(o.ordinal());
            for (int round = 0; round < 20; round++) {
                PortfolioModel a = whole.copy();
                PortfolioModel b = part.copy();
                for (int k = 0; k < Math.min(8, cs.size()); k++) {
                    int j = random.nextInt(cs.size());
                    assertThat(b.add(j)).as("adding %s under %s", cs.get(j).candidate().id(), o).isEqualTo(a.add(j));
                }
                assertThat(b.value()).isEqualTo(a.value());
            }
        }
        assertThat(fewer).as("projects measured on fewer clusters").isPositive();
        System.out.printf(Locale.ROOT, "%d projects, %d of them measured on fewer clusters%n", cs.size(), fewer);
    }

    private static int position(String clusterGridId) {
        for (int c = 0; c < data.clusters().size(); c++) {
            if (data.clusters().get(c).layerId().equals(clusterGridId)) {
                return c;
            }
        }
        throw new AssertionError(clusterGridId);
    }

    @Test
    void badBudgetsAndTooManyCandidatesAreRefused() {
        List<Candidates.Applied> cs = Candidates.of(data, candidates(new Random(1), 3), CostProfile.none("USD"),
                x -> "given");
        for (double budget : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PortfolioPlanner.plan(engine, before, cs, CostProfile.none("USD"), budget, Objective.GAP, List.of()))
                    .isInstanceOf(ScenarioException.class).satisfies(e -> assertThat(((ScenarioException) e)
                            .problems()).singleElement().asString().startsWith("budget: "));
        }
        assertThatThrownBy(() -> Candidates.of(data, candidates(new Random(1), Candidates.MAX + 1),
                CostProfile.none("USD"), x -> "given")).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).containsExactly("features: 1001"
                        + " candidates, more than the 1000 one selection weighs"));
        assertThatThrownBy(() -> Candidates.of(data, new Scenario("x", null, List.of(new Intervention("b",
                InterventionKind.FINANCE_POINT, null, inside(data.clusters().get(0)), null, null, null, null,
                FinanceType.BANK, null, null, null))), CostProfile.none("USD"), x -> "given"))
                .isInstanceOf(ScenarioException.class).satisfies(e -> assertThat(((ScenarioException) e).problems())
                        .singleElement().asString().contains("no cost entered"));
    }

    /** Banks, agents and 132 kV lines at random clusters with a gap, costs entered. */
    /** A solver's form of the objective against the model's own value, on 20 random subsets of the candidates. */
    private static void assertEqualOnRandomSubsets(java.util.function.ToDoubleFunction<boolean[]> form,
            PortfolioModel model, int seed) {
        Random r = new Random(seed);
        for (int t = 0; t < 20; t++) {
            boolean[] chosen = new boolean[model.size()];
            PortfolioModel m = model.empty();
            for (int j = 0; j < chosen.length; j++) {
                if (r.nextInt(3) == 0) {
                    chosen[j] = true;
                    m.add(j);
                }
            }
            assertThat(form.applyAsDouble(chosen)).isCloseTo(m.value(), within(1e-9 * Math.max(1, m.value())));
        }
    }

    private static Scenario candidates(Random r, int n) {
        return candidates(r, n, 132);
    }

    /** Banks, agents and power lines of {@code kv} at clusters with a gap. */
    private static Scenario candidates(Random r, int n, int kv) {
        List<Intervention> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Point p = inside(withGap.get(r.nextInt(withGap.size())));
            switch (j % 3) {
                case 0 -> out.add(bank("bank-" + j, p, 30_000 + r.nextInt(70_000)));
                case 1 -> out.add(new Intervention("agent-" + j, InterventionKind.FINANCE_POINT, null, p, null, null,
                        null, null, FinanceType.MOBILE_MONEY_AGENT, null, null, 2_000.0 + r.nextInt(8_000)));
                default -> {
                    Point q = GF.createPoint(new Coordinate(p.getX() + 0.02, p.getY() + 0.01));
                    out.add(new Intervention("line-" + j, InterventionKind.NEW_POWER_LINE, null, GF.createLineString(
                            new Coordinate[] {p.getCoordinate(), q.getCoordinate()}), null, null, null, kv, null,
                            null, null, 20_000.0 + r.nextInt(30_000)));
                }
            }
        }
        return new Scenario("candidates", null, out);
    }

    private static Intervention bank(String id, Point p, double cost) {
        return new Intervention(id, InterventionKind.FINANCE_POINT, null, p, null, null, null, null, FinanceType.BANK,
                null, null, cost);
    }

    private static Point inside(StoredFeature cluster) {
        return cluster.feature().geometry().getInteriorPoint();
    }
}
