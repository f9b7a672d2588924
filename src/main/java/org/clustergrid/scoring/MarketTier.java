package org.clustergrid.scoring;

import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;

/**
 * Market tiers by population (thresholds in the profile): a local town (or any marketplace), a regional city, a
 * national hub (or a national capital), a global gateway (port or airport). A settlement whose population is not
 * known counts as a local town when it is a town or city, and a city also as a regional one.
 */
enum MarketTier {
    LOCAL(Indicator.MARKET_LOCAL_TIME),
    REGIONAL(Indicator.MARKET_REGIONAL_TIME),
    NATIONAL(Indicator.MARKET_NATIONAL_TIME),
    GLOBAL(Indicator.MARKET_GLOBAL_TIME);

    final Indicator indicator;

    MarketTier(Indicator indicator) {
        this.indicator = indicator;
    }

    boolean includes(Market m, Parameters p) {
        Long pop = m.population();
        return switch (this) {
            case LOCAL -> m.kind() == MarketKind.MARKETPLACE
                    || (pop == null ? m.kind() == MarketKind.CITY || m.kind() == MarketKind.TOWN
                            : !m.kind().isGateway() && pop >= p.localTownPopulation());
            case REGIONAL -> !m.kind().isGateway() && m.kind() != MarketKind.MARKETPLACE
                    && (pop == null ? m.kind() == MarketKind.CITY : pop >= p.regionalCityPopulation());
            case NATIONAL -> isCapital(m) || (!m.kind().isGateway() && pop != null && pop >= p.nationalHubPopulation());
            case GLOBAL -> m.kind().isGateway();
        };
    }

    /** GeoNames marks national capitals PPLC; OSM tags them capital=yes or capital=2. */
    static boolean isCapital(Market m) {
        Object code = m.attributes().get("feature_code");
        Object capital = m.attributes().get("capital");
        return "PPLC".equals(code) || "yes".equals(capital) || "2".equals(capital);
    }
}
