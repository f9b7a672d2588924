package org.clustergrid.portfolio;

import java.util.List;
import java.util.Map;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;

/**
 * What one candidate alone does: for each cluster it changes (by position in the data's clusters), the indicator
 * results that differ and the layer results after.
 *
 * @param makesKnown whether it makes an indicator known that was not (the objective then need not be submodular)
 */
record Effect(int[] clusters, List<Map<Indicator, IndicatorResult>> indicators, List<List<LayerResult>> layers,
        boolean makesKnown) {}
