package org.clustergrid.register;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clustergrid.register.ClusterInput.Draft;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.PostgisTestDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A process for {@link EditCrashTest} to kill: opens STORE (an H2GIS directory or {@code postgis:SCHEMA}), makes a
 * cluster if it has none, then edits it again and again — firms and footprint changed each time — saying
 * {@code EDITED n} after each commit.
 */
public final class EditingChild {
    static final String ID = "CG-XX-CRASH1";
    private static final GeometryFactory GF = new GeometryFactory();

    private EditingChild() {}

    public static void main(String[] args) {
        String store = args[0];
        StoreSettings settings = store.startsWith("postgis:")
                ? StoreSettings.postgis(PostgisTestDatabase.URL, PostgisTestDatabase.USER, PostgisTestDatabase.PASSWORD,
                        store.substring("postgis:".length()))
                : StoreSettings.h2gis(Path.of(store));
        try (SpatialStore s = StoreFactory.open(settings)) {
            ClusterRegister register = new ClusterRegister(s);
            Author author = new Author("crash-child", "test", "edit under kill");
            if (s.clusterByGridId(ID).isEmpty()) {
                register.create(new Draft(Map.of("cluster_grid_id", ID), Map.of("firms", 0), Map.of(),
                        GF.createPoint(new Coordinate(80, 20)), List.of(), null), author);
            }
            System.out.println("OPEN");
            System.out.flush();
            for (int n = 1; ; n++) {
                StoredFeature current = s.clusterByGridId(ID).orElseThrow();
                int firms = n;
                ClusterRegister.Result r = register.update(ID, ClusterTag.of(current), f -> new Draft(Map.of(),
                        Map.of("firms", firms), Map.of("edit", firms), GF.createPoint(new Coordinate(80 + firms
                        * 1e-5, 20)), List.of(), null), author);
                System.out.println("EDITED " + r.version());
                System.out.flush();
            }
        }
    }
}
