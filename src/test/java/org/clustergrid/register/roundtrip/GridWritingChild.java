package org.clustergrid.register.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.register.interventions.InterventionInput;
import org.clustergrid.register.interventions.PortfolioRows;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;

/**
 * A process for {@link GridCrashTest} to kill: opens STORE (an H2GIS directory or {@code postgis:SCHEMA}), filled by
 * the test, and writes as fast as it can, saying {@code WROTE n} after each commit. {@code rows}: a portfolio
 * project accepted at two clusters (one transaction, two rows), a row entered by hand, a row changed, in turn.
 * {@code restore A B}: the register restored from file A, then B, then A … (every row of the grid changes each time).
 */
public final class GridWritingChild {
    private GridWritingChild() {}

    static StoreSettings settings(String store) {
        return store.startsWith("postgis:")
                ? StoreSettings.postgis(PostgisTestDatabase.URL, PostgisTestDatabase.USER, PostgisTestDatabase.PASSWORD,
                        store.substring("postgis:".length()))
                : StoreSettings.h2gis(Path.of(store));
    }

    public static void main(String[] args) throws Exception {
        try (SpatialStore s = StoreFactory.open(settings(args[0]))) {
            System.out.println("OPEN");
            System.out.flush();
            if (args[1].equals("restore")) {
                RegisterRestore restore = new RegisterRestore(s, ImportLimits.DEFAULT);
                for (int n = 1; ; n++) {
                    restore.run(Path.of(args[2 + (n + 1) % 2]), false);
                    say(n);
                }
            }
            ClusterRegister register = new ClusterRegister(s);
            InterventionGrid grid = new InterventionGrid(s, register, RegisterInterventionsRoundTripTest.gaps(s));
            List<String> clusters = grid.all().stream().map(r -> r.row().clusterGridId()).distinct().toList();
            Author by = new Author("crash-child", "test", "write under kill");
            String mine = "p" + System.nanoTime(); // each child's projects apart from the last one's
            for (int n = 1; ; n++) {
                switch (n % 3) {
                    case 0 -> grid.accept(List.of(planned(clusters.get(0), mine + "-" + n),
                            planned(clusters.get(1), mine + "-" + n)), by);
                    case 1 -> grid.create(RegisterInterventionsRoundTripTest.feature(clusters.get(0), "Need " + n,
                            ""), by);
                    default -> {
                        JsonNode patch = RegisterInterventionsRoundTripTest.feature(clusters.get(0), "Changed " + n,
                                "");
                        grid.change(clusters.get(0) + ".grid_distance", "*", patch,
                                f -> InterventionInput.patch(f, patch), "update", by);
                    }
                }
                say(n);
            }
        }
    }

    static PortfolioRows.Planned planned(String cluster, String project) {
        return new PortfolioRows.Planned(cluster, project, "New bank", new BigDecimal("50000.00"), "USD",
                "Shared by 2 clusters");
    }

    private static void say(int n) {
        System.out.println("WROTE " + n);
        System.out.flush();
    }
}
