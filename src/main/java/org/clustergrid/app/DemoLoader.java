package org.clustergrid.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the synthetic demo region ({@code gis-data/demo}) into an empty store on start, so a fresh install shows
 * something at once. It goes through the ordinary importer, one GeoJSON file per layer.
 */
@Component
public class DemoLoader implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    static final String DEMO = "gis-data/demo/";

    private final SpatialStore store;
    private final Importer importer;
    private final ClusterGridProperties properties;

    public DemoLoader(SpatialStore store, Importer importer, ClusterGridProperties properties) {
        this.store = store;
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!properties.demoEnabled() || !store.datasets().isEmpty()) {
            return;
        }
        Path dir = Files.createTempDirectory("clustergrid-demo");
        try {
            List<ImportRequest.Source> sources = new ArrayList<>();
            for (Layer layer : Layer.values()) {
                sources.add(new ImportRequest.Source(copy(layer.id() + ".geojson", dir), Mapping.identity(layer)));
            }
            var result = importer.run(new ImportRequest(SourceKind.LAYER, sources, datasetInfo(), null, false, false));
            LOG.info("Loaded the synthetic demo region '{}': {}", result.dataset().id(), result.dataset().featureCounts());
        } finally {
            for (Layer layer : Layer.values()) {
                Files.deleteIfExists(dir.resolve(layer.id() + ".geojson"));
            }
            Files.deleteIfExists(dir);
        }
    }

    static DatasetInfo datasetInfo() throws IOException {
        JsonNode d;
        try (InputStream in = new ClassPathResource(DEMO + "dataset.json").getInputStream()) {
            d = new ObjectMapper().readTree(in);
        }
        return new DatasetInfo(d.path("id").asText(), d.path("title").asText(null), d.path("source").asText(null),
                d.path("licence").asText(null), d.path("attribution").asText(null), d.path("synthetic").asBoolean());
    }

    private static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = new ClassPathResource(DEMO + name).getInputStream()) {
            Files.copy(in, target);
        }
        return target;
    }
}
