package org.clustergrid.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.clustergrid.store.SpatialStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Health, datasets and layers with their counts and extents. */
@RestController
@RequestMapping("/api")
class CatalogController {
    private final SpatialStore store;

    CatalogController(SpatialStore store) {
        this.store = store;
    }

    @GetMapping("/health")
    Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        m.put("store", store.kind());
        m.put("datasets", store.datasets().size());
        m.put("dataVersion", store.dataVersion());
        return m;
    }

    @GetMapping("/datasets")
    List<Map<String, Object>> datasets() {
        return store.datasets().stream().map(Json::dataset).toList();
    }

    @GetMapping("/datasets/{id}")
    Map<String, Object> dataset(@PathVariable String id) {
        return store.dataset(id).map(Json::dataset)
                .orElseThrow(() -> ApiException.notFound("no dataset '" + id + "'"));
    }

    @GetMapping("/layers")
    List<Map<String, Object>> layers() {
        return Arrays.stream(Layer.values()).map(l -> Json.layer(store.stats(l))).toList();
    }

    @GetMapping("/layers/{layer}")
    Map<String, Object> layer(@PathVariable String layer) {
        return Json.layer(store.stats(layerOf(layer)));
    }

    static Layer layerOf(String id) {
        return Layer.byId(id).orElseThrow(() -> ApiException.notFound("no layer '" + id
                + "'; layers are " + Arrays.stream(Layer.values()).map(Layer::id).toList()));
    }
}
