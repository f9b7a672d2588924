package org.clustergrid.ogc.tiles;

import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.clustergrid.api.FastGzip;
import org.clustergrid.app.ClusterGridProperties;
import java.util.function.Supplier;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.TileKey;
import org.clustergrid.store.VectorTiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /tiles/{collection}/{z}/{x}/{y}.mvt}: one layer's vector tile, built by the store; a tile no feature reaches
 * answers 204 No Content (MapLibre and Leaflet.VectorGrid draw it as empty), which saves encoding and sending an
 * empty tile. Built tiles are kept per data version ({@link TileCache}). {@code /tiles/{collection}.json}: its
 * TileJSON 3.0.0.
 */
@RestController
class TilesController {
    static final MediaType MVT = MediaType.parseMediaType(VectorTiles.MEDIA_TYPE);

    private final SpatialStore store;
    private final DataStateSource states;
    private final TileCache cache;

    TilesController(SpatialStore store, DataStateSource states, ClusterGridProperties properties) {
        this.store = store;
        this.states = states;
        this.cache = new TileCache(properties.tiles().cacheMegabytes() * 1024L * 1024L);
    }

    @GetMapping("/tiles/{collection}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String collection, @PathVariable String z, @PathVariable String x,
            @PathVariable String y, HttpServletRequest request) {
        Layer builtIn = builtIn(collection);
        ContextLayer context = builtIn != null ? null : contextLayer(collection);
        TileKey key = new TileKey(number("z", z), number("x", x), number("y", y));
        long version = states.current().version();
        boolean gzip = FastGzip.acceptsGzip(request);
        Supplier<byte[]> build = builtIn != null ? () -> store.tile(builtIn, key)
                : () -> store.contextLayers().tile(context, key);
        byte[] tile = gzip ? cache.gzippedTile(collection, key, version, build)
                : cache.tile(collection, key, version, build);
        if (tile.length == 0) {
            return ResponseEntity.noContent().build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MVT).header(HttpHeaders.VARY,
                HttpHeaders.ACCEPT_ENCODING);
        return (gzip ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip") : ok).body(tile);
    }

    @GetMapping(path = "/tiles/{collection}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> tileJson(@PathVariable String collection) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tiles/").toUriString();
        Layer layer = builtIn(collection);
        return layer != null ? TileJson.of(layer, store.stats(layer), store.datasets(), base)
                : TileJson.of(contextLayer(collection), base);
    }

    /** A built-in layer by its exact id, or null. */
    private static Layer builtIn(String collection) {
        return Layer.byId(collection).filter(l -> l.id().equals(collection)).orElse(null);
    }

    private ContextLayer contextLayer(String collection) {
        return store.contextLayers().layer(collection).orElseThrow(() -> new TileNotFoundException(
                "no collection '" + collection + "'; collections are clusters, roads, power, finance, markets and "
                        + "the layers at /api/context-layers"));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    /** An unknown collection: 404. */
    static final class TileNotFoundException extends RuntimeException {
        TileNotFoundException(String message) {
            super(message);
        }
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", message));
    }
}
