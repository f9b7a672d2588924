package org.clustergrid.scoring;

/**
 * The indicators' parameters; every one is named and sourced in the profile file.
 *
 * @param roadDensityRadiusM radius of the road length density
 * @param ruralAccessDistanceM the Rural Access Index distance to an all-season road (SDG 9.1.1: 2 km)
 * @param hvMinVoltage lines at or above this voltage (volts) count as high voltage
 * @param gridServedTransformerM grid-served when a substation/transformer is this close…
 * @param gridServedMvM …or a distribution line this close…
 * @param gridServedHvM …or a high-voltage line this close (OnSSET calibration thresholds)
 * @param financeRadiusM radius for counting finance access points
 * @param financeTravelSeconds travel time for counting reachable finance access points
 * @param e2sfcaCatchmentM catchment of the E2SFCA access ratio (Gaussian decay to its edge)
 * @param localTownPopulation smallest population of a local town
 * @param regionalCityPopulation smallest population of a regional city
 * @param nationalHubPopulation smallest population of a national hub (a national capital is one whatever its size)
 * @param gravityHalfLifeSeconds travel time at which a market's pull halves: λ = ln 2 / half-life
 * @param gravityCutoffSeconds markets farther than this are left out of the market potential
 * @param stabilityPerturbation relative perturbation of each weight in the ranking-stability draws (0.2 = ±20%)
 * @param stabilityDraws number of Monte Carlo draws
 * @param stabilityBand size of the top-k band whose membership the stability figure tracks
 * @param maxOffRoadM farthest a point may lie from the nearest road and still join the network, and longest direct
 *     off-road leg
 */
public record Parameters(
        double roadDensityRadiusM,
        double ruralAccessDistanceM,
        double hvMinVoltage,
        double gridServedTransformerM,
        double gridServedMvM,
        double gridServedHvM,
        double financeRadiusM,
        double financeTravelSeconds,
        double e2sfcaCatchmentM,
        double localTownPopulation,
        double regionalCityPopulation,
        double nationalHubPopulation,
        double gravityHalfLifeSeconds,
        double gravityCutoffSeconds,
        double stabilityPerturbation,
        int stabilityDraws,
        int stabilityBand,
        double maxOffRoadM) {

    public Parameters {
        positive("road_density_radius_m", roadDensityRadiusM);
        positive("rural_access_distance_m", ruralAccessDistanceM);
        positive("hv_min_voltage_v", hvMinVoltage);
        positive("grid_served_transformer_m", gridServedTransformerM);
        positive("grid_served_mv_m", gridServedMvM);
        positive("grid_served_hv_m", gridServedHvM);
        positive("finance_radius_m", financeRadiusM);
        positive("finance_travel_s", financeTravelSeconds);
        positive("e2sfca_catchment_m", e2sfcaCatchmentM);
        positive("local_town_population", localTownPopulation);
        positive("regional_city_population", regionalCityPopulation);
        positive("national_hub_population", nationalHubPopulation);
        positive("gravity_half_life_s", gravityHalfLifeSeconds);
        positive("gravity_cutoff_s", gravityCutoffSeconds);
        if (!(stabilityPerturbation >= 0 && stabilityPerturbation < 1)) {
            throw new IllegalArgumentException("stability_perturbation must be in [0, 1)");
        }
        positive("stability_draws", stabilityDraws);
        positive("stability_band", stabilityBand);
        positive("max_off_road_m", maxOffRoadM);
        if (!(localTownPopulation <= regionalCityPopulation && regionalCityPopulation <= nationalHubPopulation)) {
            throw new IllegalArgumentException("market tier populations must rise: local ≤ regional ≤ national");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a positive number, not " + v);
        }
    }

    /** λ of the gravity decay, per second. */
    public double gravityLambda() {
        return Math.log(2) / gravityHalfLifeSeconds;
    }
}
