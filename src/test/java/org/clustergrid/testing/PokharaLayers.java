package org.clustergrid.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.store.StoredFeature;

/**
 * The real Pokhara extract read straight into stored features of dataset {@code pokhara}, layer by layer, its OSM
 * clusters numbered {@code CG-NP-1} … in file order: the scoring's input without a store.
 */
public final class PokharaLayers {
    private PokharaLayers() {}

    /** Every layer (empty lists included); skips (or fails in CI) without {@code ../shared}. */
    public static Map<Layer, List<StoredFeature>> read() throws Exception {
        Map<Layer, List<StoredFeature>> out = new EnumMap<>(Layer.class);
        for (Layer l : Layer.values()) {
            out.put(l, new ArrayList<>());
        }
        ImportReport report = new ImportReport();
        int[] n = {0};
        OsmPbfReader.read(SharedData.pokharaPbf(), OsmImportOptions.withClusters(), report, f -> {
            LayerFeature feature = f instanceof Cluster c ? c.withClusterGridId("CG-NP-" + (++n[0])) : f;
            out.get(f.layer()).add(new StoredFeature("pokhara", feature));
        });
        if (report.hasErrors()) {
            throw new IllegalStateException(report.summary());
        }
        return out;
    }
}
