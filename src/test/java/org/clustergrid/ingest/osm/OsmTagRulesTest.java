package org.clustergrid.ingest.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.RoadRules;
import org.junit.jupiter.api.Test;

class OsmTagRulesTest {

    @Test
    void pavingFromSurfaceThenTracktypeThenSmoothness() {
        assertThat(OsmTagRules.paving(Map.of("surface", "asphalt"))).isEqualTo(Paving.PAVED);
        assertThat(OsmTagRules.paving(Map.of("surface", "Gravel"))).isEqualTo(Paving.UNPAVED);
        assertThat(OsmTagRules.paving(Map.of("surface", "paving_stones;gravel"))).isEqualTo(Paving.PAVED);
        assertThat(OsmTagRules.paving(Map.of("tracktype", "grade1"))).isEqualTo(Paving.PAVED);
        assertThat(OsmTagRules.paving(Map.of("tracktype", "grade4"))).isEqualTo(Paving.UNPAVED);
        // a known surface outranks the tracktype
        assertThat(OsmTagRules.paving(Map.of("surface", "dirt", "tracktype", "grade1"))).isEqualTo(Paving.UNPAVED);
        assertThat(OsmTagRules.paving(Map.of("smoothness", "horrible"))).isEqualTo(Paving.UNPAVED);
        assertThat(OsmTagRules.paving(Map.of("smoothness", "good"))).isEqualTo(Paving.UNKNOWN);
        assertThat(OsmTagRules.paving(Map.of())).isEqualTo(Paving.UNKNOWN);
    }

    @Test
    void allSeasonAndMotorable() {
        assertThat(RoadRules.isAllSeason("secondary_link", Paving.UNKNOWN)).isTrue();
        assertThat(RoadRules.isAllSeason("secondary", Paving.UNPAVED)).isFalse();
        assertThat(RoadRules.isAllSeason("track", Paving.PAVED)).isTrue();
        assertThat(RoadRules.isAllSeason("tertiary", Paving.UNKNOWN)).isFalse();
        assertThat(RoadRules.isMotorable("steps")).isFalse();
        assertThat(RoadRules.isMotorable("track")).isTrue();
    }

    @Test
    void voltagesInVoltsWithUnitsAndLists() {
        List<String> bad = new ArrayList<>();
        assertThat(OsmTagRules.voltages("132000;33000", bad::add)).containsExactly(132000, 33000);
        assertThat(OsmTagRules.voltages("11 kV", bad::add)).containsExactly(11000);
        assertThat(OsmTagRules.voltages("11kV; 0.4 kV", bad::add)).containsExactly(11000, 400);
        assertThat(bad).isEmpty();
        assertThat(OsmTagRules.voltages("medium;400", bad::add)).containsExactly(400);
        assertThat(bad).containsExactly("medium");
        assertThat(OsmTagRules.voltages(null, bad::add)).isEmpty();
    }

    @Test
    void capacityInMegawatts() {
        List<String> bad = new ArrayList<>();
        assertThat(OsmTagRules.capacityMw(Map.of("plant:output:electricity", "30 MW"), bad::add)).isEqualTo(30.0);
        assertThat(OsmTagRules.capacityMw(Map.of("generator:output:electricity", "500 kW"), bad::add))
                .isEqualTo(0.5);
        assertThat(OsmTagRules.capacityMw(Map.of("plant:output:electricity", "yes"), bad::add)).isNull();
        assertThat(bad).isEmpty();
        assertThat(OsmTagRules.capacityMw(Map.of("plant:output:electricity", "big"), bad::add)).isNull();
        assertThat(bad).containsExactly("plant:output:electricity");
    }

    @Test
    void populationWithSeparators() {
        int[] bad = {0};
        assertThat(OsmTagRules.population("12,000", () -> bad[0]++)).isEqualTo(12000L);
        assertThat(OsmTagRules.population("12 000", () -> bad[0]++)).isEqualTo(12000L);
        assertThat(bad[0]).isZero();
        assertThat(OsmTagRules.population("ca. 500", () -> bad[0]++)).isNull();
        assertThat(bad[0]).isEqualTo(1);
    }

    @Test
    void financeTypes() {
        assertThat(OsmTagRules.financeType(Map.of("amenity", "bank", "name", "Nabil Bank"))).isEqualTo(FinanceType.BANK);
        assertThat(OsmTagRules.financeType(Map.of("amenity", "bank", "bank", "credit_union")))
                .isEqualTo(FinanceType.CREDIT_COOPERATIVE);
        assertThat(OsmTagRules.financeType(Map.of("amenity", "bank", "operator", "Shree Sahakari Sanstha")))
                .isEqualTo(FinanceType.CREDIT_COOPERATIVE);
        assertThat(OsmTagRules.financeType(Map.of("office", "financial"))).isEqualTo(FinanceType.MICROFINANCE);
        assertThat(OsmTagRules.financeType(Map.of("office", "financial", "name", "Kisan Savings and Credit")))
                .isEqualTo(FinanceType.CREDIT_COOPERATIVE);
        assertThat(OsmTagRules.financeType(Map.of("shop", "mobile_money")))
                .isEqualTo(FinanceType.MOBILE_MONEY_AGENT);
        assertThat(OsmTagRules.financeType(Map.of("amenity", "atm"))).isEqualTo(FinanceType.ATM);
        assertThat(OsmTagRules.financeType(Map.of("amenity", "cafe"))).isNull();
    }

    @Test
    void marketKinds() {
        assertThat(OsmTagRules.marketKind(Map.of("place", "city"))).isEqualTo(MarketKind.CITY);
        assertThat(OsmTagRules.marketKind(Map.of("place", "hamlet"))).isNull();
        assertThat(OsmTagRules.marketKind(Map.of("aeroway", "aerodrome"))).isEqualTo(MarketKind.AIRPORT);
        assertThat(OsmTagRules.marketKind(Map.of("harbour", "yes"))).isEqualTo(MarketKind.PORT);
        assertThat(OsmTagRules.marketKind(Map.of("landuse", "industrial", "industrial", "port")))
                .isEqualTo(MarketKind.PORT);
        assertThat(OsmTagRules.marketKind(Map.of("amenity", "marketplace"))).isEqualTo(MarketKind.MARKETPLACE);
    }

    @Test
    void clustersOnlyWhenAskedFor() {
        Map<String, String> industrial = Map.of("landuse", "industrial");
        assertThat(OsmTagRules.isOfInterest(industrial, OsmImportOptions.defaults())).isFalse();
        assertThat(OsmTagRules.isOfInterest(industrial, OsmImportOptions.withClusters())).isTrue();
        assertThat(OsmTagRules.isOfInterest(Map.of("power", "tower"), OsmImportOptions.withClusters())).isFalse();
    }
}
