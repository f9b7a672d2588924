package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses candidates under a budget for a {@link PortfolioModel}: the cost-effective greedy with lazy re-evaluation
 * (CELF: a candidate's gain only falls as others are added, so the best ratio is re-measured only when it comes up),
 * checked against the best affordable single project (Khuller, Moss &amp; Naor 1999: the better of the two is within
 * (1 − 1/e)/2 of the optimum for a submodular objective); or every affordable subset when there are few.
 */
final class Selection {
    /** A choice, its projects in the order chosen with the gain each added. */
    record Choice(List<Integer> order, List<Double> gains, double value, String method) {}

    private Selection() {}

    /** The greedy under {@code budget} (infinite: every project with a gain, in order: the cost-effectiveness curve). */
    static Choice greedy(PortfolioModel empty, double[] costs, double budget) {
        PortfolioModel m = empty.empty();
        record Entry(int j, double gain, int round) {}
        PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingDouble((Entry e) -> -ratio(e.gain,
                costs[e.j])).thenComparingInt(Entry::j));
        for (int j = 0; j < costs.length; j++) {
            if (costs[j] <= budget) {
                queue.add(new Entry(j, m.gain(j), 0));
            }
        }
        double spent = 0;
        List<Double> gains = new ArrayList<>();
        while (!queue.isEmpty()) {
            Entry top = queue.poll();
            if (top.gain <= 0 || spent + costs[top.j] > budget) {
                continue; // no gain left, or no longer affordable: it never will be
            }
            if (top.round != m.chosen().size()) {
                queue.add(new Entry(top.j, m.gain(top.j), m.chosen().size()));
                continue;
            }
            gains.add(m.add(top.j));
            spent += costs[top.j];
        }
        return new Choice(m.chosen(), gains, m.value(), "greedy");
    }

    /** The greedy, or the best affordable single project when that alone gains more. */
    static Choice greedyOrBestSingle(PortfolioModel empty, double[] costs, double budget) {
        Choice g = greedy(empty, costs, budget);
        int bestJ = -1;
        double bestGain = g.value();
        for (int j = 0; j < costs.length; j++) {
            if (costs[j] <= budget) {
                double gain = empty.empty().gain(j);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestJ = j;
                }
            }
        }
        return bestJ < 0 ? g : new Choice(List.of(bestJ), List.of(bestGain), bestGain, "best single project");
    }

    /**
     * An upper bound on the optimum for a submodular objective (Leskovec et al. 2007): the value of {@code chosen}
     * plus the best fractional filling of the budget with the other candidates' gains on top of it.
     */
    static double bound(PortfolioModel empty, Choice chosen, double[] costs, double budget) {
        PortfolioModel m = empty.empty();
        chosen.order().forEach(m::add);
        List<double[]> rest = new ArrayList<>();
        for (int j = 0; j < costs.length; j++) {
            if (!chosen.order().contains(j)) {
                double gain = m.gain(j);
                if (gain > 0) {
                    rest.add(new double[] {gain, costs[j]});
                }
            }
        }
        rest.sort(Comparator.comparingDouble((double[] x) -> -ratio(x[0], x[1])));
        double bound = m.value();
        double left = budget;
        for (double[] x : rest) {
            if (x[1] <= left) {
                bound += x[0];
                left -= x[1];
            } else {
                bound += x[0] * left / x[1];
                break;
            }
        }
        return bound;
    }

    /**
     * The best of every affordable subset, for a few candidates: exact. Subsets are walked depth first, each made
     * from its parent by one addition, so each costs one step of the model.
     */
    static Choice exhaustive(PortfolioModel empty, double[] costs, double budget) {
        if (costs.length > 20) {
            throw new IllegalArgumentException(costs.length + " candidates: too many to try every subset");
        }
        PortfolioModel[] best = {empty.empty()};
        walk(empty.empty(), 0, 0, costs, budget, best);
        return ordered(empty, best[0].chosen(), costs, "every subset");
    }

    /**
     * A set chosen some other way, in order of cost-effectiveness within it, each with its gain in that order (ties
     * to the first in the set). Lazily, as the greedy, when gains only fall as projects are added; else each round
     * measures every gain again.
     */
    static Choice ordered(PortfolioModel empty, List<Integer> set, double[] costs, String method) {
        PortfolioModel m = empty.empty();
        List<Integer> order = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        if (empty.submodular()) {
            record Entry(int at, double gain, int round) {}
            PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingDouble((Entry e) -> -ratio(e.gain,
                    costs[set.get(e.at)])).thenComparingInt(Entry::at));
            for (int k = 0; k < set.size(); k++) {
                queue.add(new Entry(k, m.gain(set.get(k)), 0));
            }
            while (!queue.isEmpty()) {
                Entry top = queue.poll();
                if (top.round != order.size()) {
                    queue.add(new Entry(top.at, m.gain(set.get(top.at)), order.size()));
                    continue;
                }
                order.add(set.get(top.at));
                gains.add(m.add(set.get(top.at)));
            }
            return new Choice(order, gains, m.value(), method);
        }
        List<Integer> left = new ArrayList<>(set);
        while (!left.isEmpty()) {
            int pick = left.stream().max(Comparator.comparingDouble(j -> ratio(m.gain(j), costs[j]))).orElseThrow();
            left.remove(Integer.valueOf(pick));
            order.add(pick);
            gains.add(m.add(pick));
        }
        return new Choice(order, gains, m.value(), method);
    }

    private static void walk(PortfolioModel m, int next, double spent, double[] costs, double budget,
            PortfolioModel[] best) {
        if (m.value() > best[0].value() + 1e-9 * Math.abs(best[0].value())) {
            best[0] = m;
        }
        for (int j = next; j < costs.length; j++) {
            if (spent + costs[j] <= budget) {
                PortfolioModel with = m.copy();
                with.add(j);
                walk(with, j + 1, spent + costs[j], costs, budget, best);
            }
        }
    }

    /** Gain per unit cost; a free project with a gain comes first. */
    static double ratio(double gain, double cost) {
        return cost > 0 ? gain / cost : gain > 0 ? Double.POSITIVE_INFINITY : 0;
    }
}
