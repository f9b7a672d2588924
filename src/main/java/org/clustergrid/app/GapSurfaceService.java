package org.clustergrid.app;

import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.surface.GapSurface;
import org.springframework.stereotype.Service;

/** The gap surface of the current data: computed with the scoring engine of that data version, kept until it moves. */
@Service
public class GapSurfaceService {
    private final ScoringService scoring;
    private GapSurface surface;

    public GapSurfaceService(ScoringService scoring) {
        this.scoring = scoring;
    }

    public synchronized GapSurface current() {
        ScoringEngine engine = scoring.engine();
        if (surface == null || surface.dataVersion() != engine.data().dataVersion()) {
            surface = GapSurface.compute(engine);
        }
        return surface;
    }
}
