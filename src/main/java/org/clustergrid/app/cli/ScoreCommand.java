package org.clustergrid.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.api.GeoJsonWriter;
import org.clustergrid.app.ScoringService;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.scoring.Weights;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code clustergrid score [--roads W --power W --finance W --markets W] [--geojson FILE] [--csv FILE]}: scores every
 * cluster in the store with the configured profile, stores the run and writes the ranking.
 */
public final class ScoreCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar score [options]
              --roads W --power W --finance W --markets W   dimension weights (default: the profile's)
              --geojson FILE       write every cluster's scores with its footprint as GeoJSON
              --csv FILE           write the ranking as CSV
              --top N              print the N highest priorities (default 10)
              --clustergrid.scoring.profile=FILE.yaml   another scoring profile; any server setting works
            """;

    /** Parsed options. */
    public record Options(Map<Dimension, Double> weights, Path geojson, Path csv, int top) {}

    private ScoreCommand() {}

    public static Options parse(String[] args) {
        Map<Dimension, Double> weights = new EnumMap<>(Dimension.class);
        Path geojson = null;
        Path csv = null;
        int top = 10;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            String dim = a.startsWith("--") ? a.substring(2) : a;
            Dimension d = java.util.Arrays.stream(Dimension.values()).filter(x -> x.id().equals(dim)).findFirst()
                    .orElse(null);
            if (d != null) {
                weights.put(d, Args.number(Args.value(args, ++i, a), a));
            } else if (a.equals("--geojson")) {
                geojson = Path.of(Args.value(args, ++i, a));
            } else if (a.equals("--csv")) {
                csv = Path.of(Args.value(args, ++i, a));
            } else if (a.equals("--top")) {
                top = (int) Args.number(Args.value(args, ++i, a), a);
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(weights, geojson, csv, top);
    }

    public static int run(ScoringService scoring, Options o, PrintStream out, PrintStream err) {
        try {
            long start = System.nanoTime();
            Weights w = o.weights().isEmpty() ? scoring.profile().dimensionWeights()
                    : scoring.profile().dimensionWeights().override(o.weights());
            var engine = scoring.engine();
            ScoringRun run = ScoringRun.run(engine, w);
            scoring.save(run);
            List<ScoringRun.Ranked> ranked = run.byRank();
            if (o.csv() != null) {
                Files.writeString(o.csv(), ScoreOutput.csv(ranked), StandardCharsets.UTF_8);
            }
            if (o.geojson() != null) {
                Map<String, Geometry> footprints = new HashMap<>();
                for (StoredFeature f : engine.data().clusters()) {
                    footprints.put(f.layerId(), f.feature().geometry());
                }
                try (OutputStream os = Files.newOutputStream(o.geojson())) {
                    writeGeoJson(os, ranked, footprints);
                }
            }
            out.printf(Locale.ROOT, "Scored %d clusters in %.1f s (engine built in %.1f s), run %s, profile %s (%s)%n",
                    ranked.size(), (System.nanoTime() - start) / 1e9, engine.buildSeconds(), run.id(),
                    run.profile().name(), run.profile().hash());
            long byPriority = ranked.stream().filter(r -> r.rank() != null).count();
            long byGap = ranked.stream().filter(r -> r.rank() == null && r.gapRank() != null).count();
            out.printf(Locale.ROOT, "%d ranked by priority, %d by gap only (size unknown), %d not scored (too little"
                    + " known; see docs/methods.md)%n", byPriority, byGap, ranked.size() - byPriority - byGap);
            out.println("rank  priority  gap    composite  cluster");
            for (ScoringRun.Ranked r : ranked.subList(0, Math.min(o.top(), ranked.size()))) {
                String rank = r.rank() != null ? r.rank().toString() : r.gapRank() != null ? "g" + r.gapRank() : "-";
                out.printf(Locale.ROOT, "%4s  %8s  %5s  %9s  %s %s%s%n", rank, fmt(r.score().priority()),
                        fmt(r.score().gap()), fmt(r.score().composite()), r.score().id(),
                        r.score().name() == null ? "" : r.score().name(),
                        r.unranked() == null ? "" : " (" + r.unranked() + ")");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("Scoring failed: " + e);
            return 1;
        }
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static void writeGeoJson(OutputStream os, List<ScoringRun.Ranked> ranked, Map<String, Geometry> footprints)
            throws java.io.IOException {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(os)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (ScoringRun.Ranked r : ranked) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", r.score().id());
                g.writeFieldName("geometry");
                GeoJsonWriter.geometry(g, footprints.get(r.score().id()));
                g.writeObjectField("properties", ScoreOutput.summary(r));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
