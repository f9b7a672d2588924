package org.clustergrid.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scenario.ScenarioOutput;
import org.clustergrid.scenario.ScenarioReader;

/**
 * {@code clustergrid scenario evaluate FILE.geojson [--costs FILE.yaml] [--csv FILE] [--top N]}: scores the store's
 * clusters before and after the scenario's interventions and prints what it buys.
 */
public final class ScenarioCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar scenario evaluate FILE.geojson [options]
              FILE.geojson         the interventions, one GeoJSON feature each (docs/scenarios.md)
              --costs FILE.yaml    the unit costs that price interventions without a cost (default: the
                                   setting clustergrid.scoring.costs, else gis-data/costs/default.yaml)
              --csv FILE           write every cluster before and after as CSV
              --top N              print the N clusters whose priority falls most (default 10)
              --clustergrid.scoring.profile=FILE.yaml   another scoring profile; any server setting works
            """;

    /** Parsed options. */
    public record Options(Path scenario, Path costs, Path csv, int top) {}

    private ScenarioCommand() {}

    public static Options parse(String[] args) {
        if (args.length < 2 || !args[0].equals("evaluate")) {
            throw new IllegalArgumentException("expected: scenario evaluate FILE.geojson");
        }
        Path costs = null;
        Path csv = null;
        int top = 10;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--costs" -> costs = Path.of(Args.value(args, ++i, a));
                case "--csv" -> csv = Path.of(Args.value(args, ++i, a));
                case "--top" -> top = (int) Args.number(Args.value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(Path.of(args[1]), costs, csv, top);
    }

    public static int run(ScenarioService scenarios, Options o, PrintStream out, PrintStream err) {
        try {
            String file = o.scenario().getFileName().toString();
            Scenario scenario = ScenarioReader.read(Files.readString(o.scenario(), StandardCharsets.UTF_8),
                    file.replaceFirst("\\.(geo)?json$", ""));
            // the server's cost profile (clustergrid.scoring.costs) unless --costs names another
            CostProfile costs = o.costs() != null ? ScenarioService.loadCosts(o.costs().toString())
                    : scenarios.costs();
            long start = System.nanoTime();
            ScenarioEvaluation e = scenarios.evaluate(scenario, costs);
            if (o.csv() != null) {
                Files.writeString(o.csv(), ScenarioOutput.csv(e), StandardCharsets.UTF_8);
            }
            print(e, o.top(), (System.nanoTime() - start) / 1e9, out);
            return 0;
        } catch (ScenarioException e) {
            err.println("error: " + e.getMessage().replace("; ", "\n  "));
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void print(ScenarioEvaluation e, int top, double seconds, PrintStream out) {
        ScenarioEvaluation.Summary s = e.summary();
        out.printf(Locale.ROOT, "Scenario '%s': %d interventions, %,.0f %s in all (evaluated in %.1f s)%n",
                e.scenario(), e.priced().size(), s.totalCost(), e.currency(), seconds);
        for (ScenarioApplier.Priced p : e.priced()) {
            out.printf(Locale.ROOT, "  %-12s %-16s %,14.0f  %s%n", p.intervention().id(), p.intervention().kind().id(),
                    p.cost(), p.basis());
        }
        out.printf(Locale.ROOT, "%d clusters changed; %d lifted to every target; gap closed %.2f (unweighted);"
                + " priority gain %.1f (size × gap closed)%s; %,d firms and %,d workers in clusters whose gap fell%n",
                s.clustersChanged(), s.liftedToTarget(), s.gapClosed(), s.priorityGain(), s.gainPerCost() == null ? ""
                : String.format(Locale.ROOT, ", %.3g per %s", s.gainPerCost(), e.currency()), s.firmsReached(),
                s.workersReached());
        s.warnings().forEach(w -> out.println("warning: " + w));
        List<ScenarioEvaluation.ClusterChange> changed = e.clusters().stream()
                .filter(ScenarioEvaluation.ClusterChange::changed)
                .sorted(Comparator.comparingDouble(ScenarioCommand::priorityFall).reversed()
                        .thenComparing(ScenarioEvaluation.ClusterChange::id)).limit(top).toList();
        if (!changed.isEmpty()) {
            out.println("priority before -> after  gap before -> after  cluster");
            for (ScenarioEvaluation.ClusterChange c : changed) {
                out.printf(Locale.ROOT, "%8s -> %-8s %8s -> %-8s %s %s%n", fmt(c.before().priority()),
                        fmt(c.after().priority()), fmt(c.before().gap()), fmt(c.after().gap()), c.id(),
                        c.name() == null ? "" : c.name());
            }
        }
    }

    private static double priorityFall(ScenarioEvaluation.ClusterChange c) {
        Double b = c.before().priority() != null ? c.before().priority() : c.before().gap();
        Double a = c.after().priority() != null ? c.after().priority() : c.after().gap();
        return b == null || a == null ? 0 : b - a;
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
