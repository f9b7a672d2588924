package org.clustergrid.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreUnavailableException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    /**
     * UP with the data version, or 503 DOWN naming the component that is down and why, at once: the store fails fast
     * while down ({@code FailFastDataSource}), so a load balancer's probe does not hang.
     */
    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> storeHealth = new LinkedHashMap<>();
        storeHealth.put("kind", store.kind());
        try {
            int datasets = store.datasets().size();
            long version = store.dataVersion();
            m.put("status", "UP");
            m.put("store", store.kind());
            m.put("datasets", datasets);
            m.put("dataVersion", version);
            storeHealth.put("status", "UP");
        } catch (RuntimeException e) {
            String down = StoreUnavailableException.reason(e);
            if (down == null) {
                throw e;
            }
            m.put("status", "DOWN");
            m.put("store", store.kind());
            storeHealth.put("status", "DOWN");
            storeHealth.put("reason", down);
        }
        m.put("components", Map.of("store", storeHealth));
        boolean up = "UP".equals(m.get("status"));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore());
        if (!up) {
            b.header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS));
        }
        return b.body(m);
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

    /** The user's own layers, imported with {@code import layer FILE --as NAME}. */
    @GetMapping("/context-layers")
    List<Map<String, Object>> contextLayers() {
        return store.contextLayers().layers().stream().map(Json::contextLayer).toList();
    }

    @GetMapping("/context-layers/{name}")
    Map<String, Object> contextLayer(@PathVariable String name) {
        return store.contextLayers().layer(name).map(Json::contextLayer)
                .orElseThrow(() -> ApiException.notFound("no layer '" + name + "' of your own"));
    }

    /** The user's own raster layers, imported with {@code import layer FILE.tif --as NAME}. */
    @GetMapping("/raster-layers")
    List<Map<String, Object>> rasterLayers() {
        return store.rasterLayers().layers().stream().map(Json::rasterLayer).toList();
    }

    @GetMapping("/raster-layers/{name}")
    Map<String, Object> rasterLayer(@PathVariable String name) {
        return store.rasterLayers().layer(name).map(Json::rasterLayer)
                .orElseThrow(() -> ApiException.notFound("no raster layer '" + name + "' of your own"));
    }

    /** The layer's stored SLD as it was sent; 404 when it has none (it is drawn in the default look). */
    @GetMapping("/context-layers/{name}/style")
    ResponseEntity<String> contextLayerStyle(@PathVariable String name) {
        var layer = store.contextLayers().layer(name)
                .orElseThrow(() -> ApiException.notFound("no layer '" + name + "' of your own"));
        if (layer.style() == null) {
            throw ApiException.notFound("layer '" + name + "' has no style of its own; it is drawn in the default"
                    + " look of its geometry");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AdminController.SLD + ";charset=UTF-8"))
                .body(layer.style());
    }

    static Layer layerOf(String id) {
        return Layer.byId(id).orElseThrow(() -> ApiException.notFound("no layer '" + id
                + "'; layers are " + Arrays.stream(Layer.values()).map(Layer::id).toList()));
    }
}
