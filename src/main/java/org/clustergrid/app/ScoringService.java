package org.clustergrid.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clustergrid.model.Cluster;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.regions.RegionCluster;
import org.clustergrid.scoring.Cancellation;
import org.clustergrid.scoring.EditedClusters;
import org.clustergrid.scoring.ProfileReader;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.scoring.Weights;
import org.clustergrid.store.ClusterScoreRecord;
import org.clustergrid.store.ContextLayerFeed;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.ScoringRunRecord;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Keeps a scoring engine for the store's current data and the profile's run: when the data version moves (an
 * import or a delete), the next request rebuilds the engine and re-runs the profile, and the run is stored with
 * its profile hash and data versions. Runs with other weights are computed on demand from the same engine.
 */
@Service
public class ScoringService {
    static final String DEFAULT_PROFILE = "gis-data/profiles/default.yaml";

    private final SpatialStore store;
    private final RasterFileCache rasterFiles;
    private final ScoringProfile profile;
    /** The profile file as read: reports show the sources it cites, which the scoring does not keep. */
    private final byte[] profileFile;
    private final ObjectMapper json = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(ScoringService.class.getName());
    /** Register edits remembered by the data version they made, beyond which the next engine is built anew. */
    private static final int MAX_EDITS_KEPT = 10_000;
    private volatile ScoringEngine engine;
    private ScoringRun defaultRun;
    /** Data version → the cluster its register edit changed, for the versions after the engine's. */
    private final ConcurrentSkipListMap<Long, String> edits = new ConcurrentSkipListMap<>();
    /** Scores after edits, one run at a time; a run asked for while one is waiting is that one. */
    private final ExecutorService rescorer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scoring-after-edits");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rescoring = new AtomicBoolean();

    public ScoringService(SpatialStore store, ClusterGridProperties properties, RasterFileCache rasterFiles)
            throws IOException {
        this.store = store;
        this.rasterFiles = rasterFiles;
        String location = properties.scoring().profile();
        this.profileFile = profileFile(location);
        this.profile = ProfileReader.read(profileName(location), new java.io.ByteArrayInputStream(profileFile));
    }

    private static String profileName(String location) {
        return location == null || location.isBlank() ? "default.yaml" : Path.of(location).getFileName().toString();
    }

    private static byte[] profileFile(String location) throws IOException {
        if (location == null || location.isBlank()) {
            try (InputStream in = new ClassPathResource(DEFAULT_PROFILE).getInputStream()) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(Path.of(location));
    }

    /** The store's context layers, vector and raster, as the layer indicators read them. */
    private ContextLayerFeed layers() {
        return new ContextLayerFeed(store.contextLayers(), store.rasterLayers(), rasterFiles);
    }

    public ScoringProfile profile() {
        return profile;
    }

    /** The bytes of the profile file the profile was read from. */
    public byte[] profileFile() {
        return profileFile.clone();
    }

    /**
     * The engine for the current data: rebuilt when the data changed since it was built, or, when every change since
     * was a register edit, derived from it with only the edited clusters (and the finance access their workers
     * share) measured again.
     */
    public synchronized ScoringEngine engine() {
        long version = store.dataVersion();
        if (engine == null || engine.data().dataVersion() != version) {
            ScoringEngine edited = engine == null ? null : afterEdits(engine, version);
            engine = edited != null ? edited : ScoringEngine.build(ScoringData.load(store), profile,
                    SpeedProfile.defaults(), layers());
            defaultRun = null;
            edits.headMap(version, true).clear();
        }
        return engine;
    }

    /** The engine for {@code version} from {@code was} when the edits told of made every version since; or null. */
    private ScoringEngine afterEdits(ScoringEngine was, long version) {
        Set<String> ids = new HashSet<>();
        for (long v = was.data().dataVersion() + 1; v <= version; v++) {
            String id = edits.get(v);
            if (id == null) {
                return null; // an import, a delete, or an edit by another process
            }
            ids.add(id);
        }
        return EditedClusters.engineAfter(was, store, version, ids);
    }

    /**
     * Told of a committed register edit: scores the register as it now is right away, in the background, while an
     * engine is kept (none is before anyone asked for scores), so the edited cluster's score is there at once.
     */
    public void clusterEdited(long dataVersion, String clusterGridId) {
        edits.put(dataVersion, clusterGridId);
        while (edits.size() > MAX_EDITS_KEPT) {
            edits.pollFirstEntry();
        }
        if (engine != null && rescoring.compareAndSet(false, true)) {
            rescorer.execute(() -> {
                rescoring.set(false);
                try {
                    defaultRun();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "scoring after a register edit failed; the next request"
                            + " scores again", e);
                }
            });
        }
    }

    /** The profile's own run on the current data, computed and stored once per data version. */
    /**
     * The clusters of the scored data as regions count them, each with its score and rank in {@code run} (null
     * where it has none).
     */
    public List<RegionCluster> regionClusters(ScoringRun run) {
        Map<String, ScoringRun.Ranked> byId = new HashMap<>();
        run.ranked().forEach(r -> byId.put(r.score().id(), r));
        List<RegionCluster> out = new ArrayList<>();
        for (StoredFeature f : engine().data().clusters()) {
            Cluster c = (Cluster) f.feature();
            ScoringRun.Ranked r = byId.get(f.layerId());
            out.add(new RegionCluster(f.layerId(), c.name(), c.footprint(), c.firms(),
                    c.employment(), r == null ? null : r.score(), r == null ? null : r.rank()));
        }
        return out;
    }

    public synchronized ScoringRun defaultRun() {
        ScoringEngine e = engine();
        if (defaultRun == null) {
            defaultRun = ScoringRun.run(e, profile.dimensionWeights());
            save(defaultRun);
        }
        return defaultRun;
    }

    /** The engine for the current data and the profile's run made on it, taken together. */
    public synchronized Scored scored() {
        ScoringRun run = defaultRun();
        return new Scored(engine, run);
    }

    /** An engine and the profile's run on it. */
    public record Scored(ScoringEngine engine, ScoringRun run) {}

    /** A run with other weights (not stored); the profile's run when the weights are its own. */
    public ScoringRun run(Weights weights) {
        if (weights == null || weights.equals(profile.dimensionWeights())) {
            return defaultRun();
        }
        return ScoringRun.run(engine(), weights);
    }

    /** A run with another profile (e.g. uploaded), on the current data; not stored. */
    public ScoringRun run(ScoringProfile other) {
        ScoringEngine e = ScoringEngine.build(engine().data(), other, SpeedProfile.defaults(),
                layers());
        Cancellation.check();
        return ScoringRun.run(e, other.dimensionWeights());
    }

    /** Stores a run with its scores; used for the profile's runs and by the score command. */
    public void save(ScoringRun run) {
        List<ClusterScoreRecord> records = new ArrayList<>();
        for (ScoringRun.Ranked r : run.ranked()) {
            records.add(new ClusterScoreRecord(r.score().id(), r.rank(), r.score().composite(), r.score().gap(),
                    r.score().priority(), r.stability(), write(ScoreOutput.breakdown(r))));
        }
        Map<String, String> datasets = new LinkedHashMap<>();
        store.datasets().forEach(d -> datasets.put(d.id(), d.importedAt().toString()));
        Map<String, Double> weights = new LinkedHashMap<>();
        run.weights().values().forEach((d, w) -> weights.put(d.id(), w));
        store.scoringRuns().save(new ScoringRunRecord(run.id(), run.createdAt(), run.profile().name(),
                run.profile().hash(), write(weights), run.dataVersion(), write(datasets), run.ranked().size(),
                run.seconds()), records);
    }

    /** Headers of the stored runs, newest first. */
    public List<Map<String, Object>> storedRuns() {
        return store.scoringRuns().runs().stream().map(ScoringService::header).toList();
    }

    /** A stored run with every cluster's stored breakdown, by rank. */
    public java.util.Optional<Map<String, Object>> storedRun(String id) {
        return store.scoringRuns().run(id).map(r -> {
            Map<String, Object> m = header(r);
            List<Object> clusters = new ArrayList<>();
            for (ClusterScoreRecord s : store.scoringRuns().scores(id)) {
                clusters.add(parse(s.result()));
            }
            m.put("clusters", clusters);
            return m;
        });
    }

    private static Map<String, Object> header(ScoringRunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("createdAt", r.createdAt().toString());
        m.put("profile", r.profileName());
        m.put("profileHash", r.profileHash());
        m.put("weights", parse(r.weights()));
        m.put("dataVersion", r.dataVersion());
        m.put("datasets", parse(r.datasets()));
        m.put("clusterCount", r.clusterCount());
        m.put("seconds", r.seconds());
        return m;
    }

    private static final ObjectMapper STORED = new ObjectMapper();

    /** A stored JSON column back as maps and lists. */
    private static Object parse(String text) {
        try {
            return STORED.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scoring run is damaged: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
