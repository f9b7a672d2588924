package org.clustergrid.app;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.surface.GapSurface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The gap surface of the current data: its regions grouped with the scoring engine of that data version and kept
 * until the version moves; each region's times are computed when a map first reaches it. Regions a map had no budget
 * for are computed one at a time on a background thread, so they never hold up a request.
 */
@Service
public class GapSurfaceService {
    private static final Logger LOG = LoggerFactory.getLogger(GapSurfaceService.class);
    private final ScoringService scoring;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gap-surface");
        t.setDaemon(true);
        return t;
    });
    private GapSurface surface;

    public GapSurfaceService(ScoringService scoring) {
        this.scoring = scoring;
    }

    public synchronized GapSurface current() {
        ScoringEngine engine = scoring.engine();
        if (surface == null || surface.dataVersion() != engine.data().dataVersion()) {
            if (surface != null) {
                surface.retire();
            }
            surface = GapSurface.of(engine, background);
            log(surface);
        }
        return surface;
    }

    /** The regions and their grids, so an operator sees what a first map of each will cost. */
    private static void log(GapSurface s) {
        StringBuilder b = new StringBuilder();
        s.regions().stream().limit(20).forEach(r -> b.append(String.format(java.util.Locale.ROOT,
                "; %s: %d clusters, %d hexagons of %.0f m", r.id(), r.clusterCount(), r.grid().size(),
                r.grid().sideMetres())));
        LOG.info("gap surface of data version {}: {} regions{}{}", s.dataVersion(), s.regions().size(), b,
                s.regions().size() > 20 ? "; …" : "");
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
