package org.clustergrid.ogc.wms;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.cache.VersionedCache;
import org.clustergrid.render.LegendRenderer;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.Style;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.store.DataState;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreUnavailableException;
import org.springframework.stereotype.Service;

/**
 * The WMS operations: requests dispatched to GetCapabilities (here), GetMap ({@link GetMapHandler}),
 * GetFeatureInfo ({@link FeatureInfoHandler}) and GetLegendGraphic ({@link LegendHandler}); failures answered as
 * service exceptions ({@link ExceptionResponses}).
 */
@Service
class WmsService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WmsService.class);

    private final SpatialStore store;
    private final StyleRegistry styles;
    private final DataStateSource states;
    private final ClusterGridProperties.Wms settings;
    private final VersionedCache<String, WmsResponse> maps;
    private final LegendRenderer legends = new LegendRenderer();
    private final Map<List<MapLayer>, Dimension> legendSizes = new ConcurrentHashMap<>();
    private final MapData data;
    private final GetMapHandler getMap;
    private final FeatureInfoHandler featureInfo;
    private final LegendHandler legend;

    WmsService(SpatialStore store, StyleRegistry styles, DataStateSource states, ClusterGridProperties properties) {
        this.store = store;
        this.styles = styles;
        this.states = states;
        this.settings = properties.wms();
        this.data = new MapData(store, states, properties.wms().memoryMegabytes() * 1024L * 1024L);
        this.getMap = new GetMapHandler(data, styles);
        this.featureInfo = new FeatureInfoHandler(data, styles);
        this.legend = new LegendHandler(styles, legends);
        // tiled clients (Leaflet, QGIS, OpenLayers) ask for the same grid of maps again and again
        this.maps = new VersionedCache<>(properties.wms().cacheMegabytes() * 1024L * 1024L,
                r -> r.body().length + r.contentType().length());
    }

    WmsResponse handle(WmsParams p, String baseUrl) {
        try {
            return dispatch(p, baseUrl);
        } catch (WmsException e) {
            return ExceptionResponses.error(e, p);
        } catch (BoundedWork.BusyException | BoundedWork.BudgetExceededException e) {
            // a scenario's evaluation, for its change layer, found the pool for expensive work full or ran too long
            return ExceptionResponses.unavailable(e.getMessage(), WmsVersion.forErrors(p.get("VERSION")));
        } catch (ScenarioException e) {
            return ExceptionResponses.error(new WmsException(null, "the scenario no longer fits the data: "
                    + e.getMessage(), "LAYERS", WmsVersion.forErrors(p.get("VERSION"))), p);
        } catch (RuntimeException e) {
            String down = StoreUnavailableException.reason(e);
            if (down != null) {
                return ExceptionResponses.unavailable(down, WmsVersion.forErrors(p.get("VERSION")));
            }
            // clients read errors only as exception reports, so a failure of ours is one too, without a code
            LOG.error("WMS request failed", e);
            return ExceptionResponses.error(new WmsException(null, "internal error: " + e.getMessage(), null,
                    WmsVersion.forErrors(p.get("VERSION"))), p);
        }
    }

    private WmsResponse dispatch(WmsParams p, String baseUrl) {
        WmsVersion errors = WmsVersion.forErrors(p.get("VERSION"));
        String request = p.required("REQUEST", errors);
        String service = p.nonEmpty("SERVICE");
        if (service != null && !service.equals("WMS")) {
            throw WmsException.invalid("SERVICE", "SERVICE must be WMS; got '" + service + "'", errors);
        }
        // operation names are matched ignoring case: several clients send e.g. getcapabilities
        return switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities", "capabilities" -> capabilities(p, baseUrl);
            case "getmap", "map" -> map(p);
            case "getfeatureinfo" -> featureInfo.featureInfo(p);
            case "getlegendgraphic" -> legend.legend(p);
            default -> throw new WmsException(ExceptionCode.OperationNotSupported, "REQUEST " + request
                    + " is not supported; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic",
                    "REQUEST", errors);
        };
    }

    /**
     * A map, kept for its data version; the key holds the scenarios' version too, since a scenario's layers change (or
     * go) with the scenarios and not with the data.
     */
    private WmsResponse map(WmsParams p) {
        DataState state = states.current();
        return maps.get(p.canonical() + "#s" + state.scenarios(), state.version(), () -> getMap.map(p));
    }

    private WmsResponse capabilities(WmsParams p, String baseUrl) {
        WmsVersion v = WmsVersion.negotiate(p.has("VERSION") ? p.get("VERSION") : p.get("WMTVER"));
        if (p.nonEmpty("SERVICE") == null) {
            throw WmsException.missing("SERVICE", v);
        }
        // grows with every change of the data or of the scenarios, both of which the document lists
        DataState state = store.dataState();
        long current = state.version() + state.scenarios();
        String asked = p.nonEmpty("UPDATESEQUENCE");
        if (asked != null) {
            long n;
            try {
                n = Long.parseLong(asked.strip());
            } catch (NumberFormatException e) {
                throw new WmsException(ExceptionCode.InvalidUpdateSequence, "UPDATESEQUENCE '" + asked
                        + "' is not a sequence number of this server (current: " + current + ")", "UPDATESEQUENCE", v);
            }
            if (n == current) {
                throw new WmsException(ExceptionCode.CurrentUpdateSequence, "capabilities are unchanged since "
                        + "update sequence " + current, "UPDATESEQUENCE", v);
            }
            if (n > current) {
                throw new WmsException(ExceptionCode.InvalidUpdateSequence, "UPDATESEQUENCE " + n
                        + " is later than the current " + current, "UPDATESEQUENCE", v);
            }
        }
        var content = new CapabilitiesWriter.Content(baseUrl, current, data.extents(),
                Attributions.byLayer(store.datasets()), styles, this::legendSize, settings.contact());
        return new WmsResponse(CapabilitiesWriter.contentType(v), CapabilitiesWriter.write(content, v));
    }

    private Dimension legendSize(List<? extends MapLayer> s) {
        // keyed by the resolved styles: a score style's legend changes with the run (priority quintiles)
        List<MapLayer> bound = s.stream().map(l -> l instanceof Style st ? (MapLayer) st.resolved() : l).toList();
        if (legendSizes.size() > 1000) {
            legendSizes.clear(); // context layers come and go, each import a new key
        }
        return legendSizes.computeIfAbsent(bound, k -> {
            BufferedImage img = legends.render(k, 20, 20, null);
            return new Dimension(img.getWidth(), img.getHeight());
        });
    }
}
