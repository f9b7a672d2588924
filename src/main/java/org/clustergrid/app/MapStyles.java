package org.clustergrid.app;

import org.clustergrid.render.ScoreLookup;
import org.clustergrid.render.ScoreStyle;
import org.clustergrid.render.StyleRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers the map styles that need the server's scoring with the WMS style registry: the cluster score styles
 * read the profile's run of the current data version, so a new import brings new colours at the next map.
 */
@Component
class MapStyles {
    MapStyles(StyleRegistry registry, ScoringService scoring) {
        ScoreStyle.all(new ScoreLookup(scoring::defaultRun)).forEach(registry::register);
    }
}
