package org.clustergrid.portfolio;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Optional;

/**
 * Solves a portfolio as a mixed-integer programme with SCIP through Google OR-Tools, binary x per candidate under the
 * budget: a {@link CoverageProblem} with continuous u per (slot, candidate), u ≤ x and Σ u ≤ 1 per slot, continuous z
 * per demand with z ≤ cap and z ≤ Σ gain·u; or a {@link ConfigurationProblem} (below). Returns the best portfolio
 * found within the time limit, with the solver's bound on the optimum.
 */
final class ExactSolver {
    /** A solution: the candidates chosen, the objective, the proven bound, and whether optimality was proven. */
    record Solution(boolean[] chosen, double value, double bound, boolean optimal, double seconds) {}

    private static volatile Boolean loaded;

    private ExactSolver() {}

    /** Whether OR-Tools' native library loads on this machine (once; false when it does not). */
    static synchronized boolean available() {
        if (loaded == null) {
            try {
                Loader.loadNativeLibraries();
                loaded = true;
            } catch (RuntimeException | LinkageError e) {
                loaded = false;
            }
        }
        return loaded;
    }

    /** Empty when the solver is unavailable or finds no solution in time. */
    static Optional<Solution> solve(CoverageProblem p, double seconds) {
        return solve(p.cost(), p.budget(), seconds, p::value, (solver, x, objective) -> {
            for (CoverageProblem.Demand d : p.demands()) {
                MPVariable z = solver.makeNumVar(0, d.cap(), "");
                objective.setCoefficient(z, d.weight());
                MPConstraint fill = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "");
                fill.setCoefficient(z, 1);
                for (CoverageProblem.Slot s : d.slots()) {
                    MPConstraint one = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1, "");
                    for (int k = 0; k < s.candidates().length; k++) {
                        MPVariable u = solver.makeNumVar(0, 1, "");
                        one.setCoefficient(u, 1);
                        fill.setCoefficient(u, -s.gains()[k]);
                        MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "");
                        link.setCoefficient(u, 1);
                        link.setCoefficient(x[s.candidates()[k]], -1);
                    }
                }
            }
        });
    }

    /**
     * A {@link ConfigurationProblem}: per cluster a continuous y per subset of its candidates, Σ y = 1, and for each
     * of its candidates the y of the subsets holding it summing to its x; with x whole, the one subset of the chosen
     * takes all of y, and the objective Σ value·y is the clusters' values exactly. Empty as for the coverage form.
     */
    static Optional<Solution> solve(ConfigurationProblem p, double seconds) {
        return solve(p.cost(), p.budget(), seconds, p::value, (solver, x, objective) -> {
            for (ConfigurationProblem.Choices c : p.clusters()) {
                MPConstraint one = solver.makeConstraint(1, 1, "");
                MPConstraint[] holding = new MPConstraint[c.candidates().length];
                for (int k = 0; k < holding.length; k++) {
                    holding[k] = solver.makeConstraint(0, 0, "");
                    holding[k].setCoefficient(x[c.candidates()[k]], -1);
                }
                for (int mask = 0; mask < c.values().length; mask++) {
                    MPVariable y = solver.makeNumVar(0, 1, "");
                    one.setCoefficient(y, 1);
                    objective.setCoefficient(y, c.values()[mask]);
                    for (int k = 0; k < holding.length; k++) {
                        if ((mask & (1 << k)) != 0) {
                            holding[k].setCoefficient(y, 1);
                        }
                    }
                }
            }
        });
    }

    /** Adds a problem's variables, constraints and objective terms to the solver, given the candidates' x. */
    private interface Formulation {
        void build(MPSolver solver, MPVariable[] x, MPObjective objective);
    }

    private static Optional<Solution> solve(double[] cost, double budgetAmount, double seconds,
            java.util.function.ToDoubleFunction<boolean[]> value, Formulation formulation) {
        if (!available()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            return Optional.empty();
        }
        try {
            solver.setTimeLimit((long) (seconds * 1000));
            int n = cost.length;
            MPVariable[] x = new MPVariable[n];
            MPConstraint budget = solver.makeConstraint(Double.NEGATIVE_INFINITY, budgetAmount, "budget");
            for (int j = 0; j < n; j++) {
                x[j] = solver.makeBoolVar("x" + j);
                budget.setCoefficient(x[j], cost[j]);
            }
            MPObjective objective = solver.objective();
            objective.setMaximization();
            formulation.build(solver, x, objective);
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return Optional.empty();
            }
            boolean[] chosen = new boolean[n];
            for (int j = 0; j < n; j++) {
                chosen[j] = x[j].solutionValue() > 0.5;
            }
            return Optional.of(new Solution(chosen, value.applyAsDouble(chosen), objective.bestBound(),
                    status == MPSolver.ResultStatus.OPTIMAL, (System.nanoTime() - start) / 1e9));
        } finally {
            solver.delete();
        }
    }
}
