package org.clustergrid.app;

import org.clustergrid.coverage.CoverageLayer;
import org.clustergrid.render.ScoreLookup;
import org.clustergrid.render.ScoreStyle;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.surface.GapSurfaceLayer;
import org.springframework.stereotype.Component;

/**
 * Registers the map styles and surfaces that need the server's scoring with the WMS style registry: the cluster
 * score styles read the profile's run of the current data version, the gap surface is computed per data version and
 * the data coverage is the scoring data's, so a new import brings new colours at the next map.
 */
@Component
class MapStyles {
    MapStyles(StyleRegistry registry, ScoringService scoring, GapSurfaceService surfaces) {
        ScoreStyle.all(new ScoreLookup(scoring::defaultRun)).forEach(registry::register);
        registry.register(new GapSurfaceLayer(surfaces::current));
        registry.register(new CoverageLayer(() -> scoring.engine().data().coverages()));
    }
}
