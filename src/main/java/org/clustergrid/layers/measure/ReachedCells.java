package org.clustergrid.layers.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.raster.CellCentres;
import org.locationtech.jts.geom.Coordinate;

/**
 * A {@code raster_sum_reachable} measure's value from the raster cells whose centres were reached over the road
 * network within its travel time: the sum of their values. Cells without data are counted apart; cells of value 0
 * were never targets, so they count nowhere.
 */
public final class ReachedCells {
    private ReachedCells() {}

    /**
     * The sum over the {@code n} cells reached (by index in {@code cells}, with their travel times, in any order); the
     * evidence is the quickest reached with data (the first on a tie). None reached is a measured 0; all reached
     * lacking data is {@code not_reported}.
     *
     * @param from the place the times are from (the evidence line's start)
     */
    public static Measurement measure(Measure m, CellCentres.Cells cells, int[] reached, double[] seconds, int n,
            Coordinate from) {
        if (m.kind() != MeasureKind.RASTER_SUM_REACHABLE) {
            throw new IllegalArgumentException(m.kind().id() + " is not a raster measure over the road network");
        }
        double sum = 0;
        int counted = 0;
        int quickest = -1;
        for (int k = 0; k < n; k++) {
            int c = reached[k];
            if (Double.isNaN(cells.values()[c])) {
                continue;
            }
            sum += cells.values()[c];
            counted++;
            if (quickest < 0 || seconds[k] < seconds[quickest]
                    || seconds[k] == seconds[quickest] && c < reached[quickest]) {
                quickest = k;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cells", counted);
        details.put("no_data", n - counted);
        details.put("minutes", m.minutes());
        if (n > 0 && counted == 0) {
            return Measurement.unknown(Measurement.Kind.NOT_REPORTED, "none of the " + n + " cells of raster layer '"
                    + m.layer() + "' reached within " + LayerMeasurer.minutes(m.minutes()) + " has data");
        }
        if (quickest < 0) {
            return new Measurement(sum, null, null, null, null, details, null); // none reached: a measured 0
        }
        int c = reached[quickest];
        Measurement.FeatureRef cell = new Measurement.FeatureRef(m.layer(), cells.columns()[c] + "-"
                + cells.rows()[c], null);
        return new Measurement(sum, cell, null, from, new Coordinate(cells.lons()[c], cells.lats()[c]), details, null,
                seconds[quickest]);
    }
}
