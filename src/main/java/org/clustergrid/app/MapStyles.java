package org.clustergrid.app;

import org.clustergrid.render.ScoreLookup;
import org.clustergrid.render.ScoreStyle;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.surface.GapSurfaceLayer;
import org.springframework.stereotype.Component;

/**
 * Registers the map styles and surfaces that need the server's scoring with the WMS style registry: the cluster
 * score styles read the profile's run of the current data version and the gap surface is computed per data version,
 * so a new import brings new colours at the next map.
 */
@Component
class MapStyles {
    MapStyles(StyleRegistry registry, ScoringService scoring, GapSurfaceService surfaces) {
        ScoreStyle.all(new ScoreLookup(scoring::defaultRun)).forEach(registry::register);
        registry.register(new GapSurfaceLayer(surfaces::current));
    }
}
