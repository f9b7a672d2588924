package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a profile sent by a client may ask of the engine: the values that set the cost of a run (stability draws,
 * curve lengths, search radii and travel-time cut-offs). The operator's own profile is not held to them.
 *
 * @param draws most ranking-stability draws ({@code stability_draws})
 * @param curvePoints most [value, score] points of one indicator's curve
 * @param distanceMetres largest radius or distance parameter ({@code *_m})
 * @param travelSeconds largest travel-time parameter ({@code *_s})
 */
public record ProfileLimits(int draws, int curvePoints, double distanceMetres, double travelSeconds) {
    public static final ProfileLimits DEFAULT = new ProfileLimits(5_000, 100, 200_000, 43_200);
    private static final String SETTING = "clustergrid.limits.profile.";

    /** Every value of {@code p} beyond a limit, each naming the limit and its setting; empty when none is. */
    public List<String> problems(ScoringProfile p) {
        List<String> out = new ArrayList<>();
        Parameters a = p.parameters();
        if (a.stabilityDraws() > draws) {
            out.add(over("parameters.stability_draws", a.stabilityDraws(), draws, "draws"));
        }
        p.indicators().forEach((i, spec) -> {
            if (spec.curve().values().size() > curvePoints) {
                out.add(over("indicators." + i.id() + ".curve", spec.curve().values().size() + " points", curvePoints + " points",
                        "curve-points"));
            }
        });
        for (LayerIndicator l : p.layerIndicators()) {
            String path = "layer_indicators." + l.id();
            if (l.curve().values().size() > curvePoints) {
                out.add(over(path + ".curve", l.curve().values().size() + " points", curvePoints + " points",
                        "curve-points"));
            }
            Double minutes = l.measure().minutes();
            if (minutes != null && minutes * 60 > travelSeconds) {
                out.add(over(path + ".minutes", number(minutes) + " min", number(travelSeconds / 60) + " min",
                        "travel-seconds"));
            }
            Double radius = l.measure().radiusM();
            if (radius != null && radius > distanceMetres) {
                out.add(over(path + ".radius_m", number(radius) + " m", number(distanceMetres) + " m",
                        "distance-metres"));
            }
        }
        double[] metres = {a.roadDensityRadiusM(), a.ruralAccessDistanceM(), a.gridServedTransformerM(),
            a.gridServedMvM(), a.gridServedHvM(), a.financeRadiusM(), a.e2sfcaCatchmentM(), a.maxOffRoadM()};
        String[] metreNames = {"road_density_radius_m", "rural_access_distance_m", "grid_served_transformer_m",
            "grid_served_mv_m", "grid_served_hv_m", "finance_radius_m", "e2sfca_catchment_m", "max_off_road_m"};
        for (int k = 0; k < metres.length; k++) {
            if (metres[k] > distanceMetres) {
                out.add(over("parameters." + metreNames[k], number(metres[k]) + " m", number(distanceMetres) + " m",
                        "distance-metres"));
            }
        }
        double[] seconds = {a.financeTravelSeconds(), a.gravityHalfLifeSeconds(), a.gravityCutoffSeconds()};
        String[] secondNames = {"finance_travel_s", "gravity_half_life_s", "gravity_cutoff_s"};
        for (int k = 0; k < seconds.length; k++) {
            if (seconds[k] > travelSeconds) {
                out.add(over("parameters." + secondNames[k], number(seconds[k]) + " s", number(travelSeconds) + " s",
                        "travel-seconds"));
            }
        }
        return out;
    }

    private static String over(String what, Object value, Object limit, String setting) {
        return what + " is " + value + ", more than the limit of " + limit + " (" + SETTING + setting + ")";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
