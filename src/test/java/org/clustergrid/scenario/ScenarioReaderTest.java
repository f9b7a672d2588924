package org.clustergrid.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.junit.jupiter.api.Test;

/** A scenario read from GeoJSON: every field, and every kind of bad input named by feature and field. */
class ScenarioReaderTest {
    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"name\":\"test\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" + properties + "}}";
    }

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[83.98,28.21]}";
    static final String LINE = "{\"type\":\"LineString\",\"coordinates\":[[83.98,28.21],[83.99,28.22]]}";

    @Test
    void everyKindWithItsFields() {
        Scenario s = ScenarioReader.read(collection(
                feature("null", "\"kind\":\"upgrade_road\",\"roads\":[\"osm.w1\",\"osm.w2\"],\"surface\":\"Asphalt\""),
                feature(LINE, "\"kind\":\"new_road\",\"id\":\"link\",\"class\":\"tertiary\",\"surface\":\"gravel\","
                        + "\"cost\":125000"),
                feature(LINE, "\"kind\":\"new_power_line\",\"voltage_kv\":33"),
                feature(POINT, "\"kind\":\"new_substation\",\"supply_hours\":20.5"),
                feature(POINT, "\"kind\":\"finance_point\",\"finance_type\":\"mobile_money_agent\",\"name\":\"Agent\""),
                feature(POINT, "\"kind\":\"market\",\"population\":12000")), "unused");
        assertThat(s.name()).isEqualTo("test");
        assertThat(s.interventions()).extracting(Intervention::id).containsExactly("i1", "link", "i3", "i4", "i5",
                "i6");
        Intervention up = s.interventions().get(0);
        assertThat(up.roadIds()).containsExactly("osm.w1", "osm.w2");
        assertThat(up.surface()).isEqualTo("asphalt");
        assertThat(up.roadClass()).isNull();
        assertThat(s.interventions().get(1).cost()).isEqualTo(125000.0);
        assertThat(s.interventions().get(2).supplyHours()).isNull();
        assertThat(s.interventions().get(3).supplyHours()).isEqualTo(20.5);
        assertThat(s.interventions().get(2).voltageKv()).isEqualTo(33);
        assertThat(s.interventions().get(4).financeType()).isEqualTo(FinanceType.MOBILE_MONEY_AGENT);
        assertThat(s.interventions().get(5).marketKind()).isEqualTo(MarketKind.MARKETPLACE);
        assertThat(s.interventions().get(5).population()).isEqualTo(12000L);
    }

    @Test
    void badInputIsNamedByFeatureAndField() {
        assertThatThrownBy(() -> ScenarioReader.read(collection(
                feature(POINT, "\"kind\":\"bridge\""),
                feature(POINT, "\"kind\":\"new_road\",\"class\":\"track\",\"surface\":\"dirt\""),
                feature("{\"type\":\"LineString\",\"coordinates\":[[83.98,28.21],[83.98,28.21]]}",
                        "\"kind\":\"new_power_line\",\"voltage_kv\":11"),
                feature(POINT, "\"kind\":\"finance_point\",\"finance_type\":\"bank\",\"cost\":-5"),
                feature(POINT, "\"kind\":\"finance_point\""),
                feature("null", "\"kind\":\"upgrade_road\",\"surface\":\"asphalt\""),
                feature("{\"type\":\"Point\",\"coordinates\":[283.98,28.21]}", "\"kind\":\"market\""),
                feature(LINE, "\"kind\":\"new_power_line\",\"voltage_kv\":\"high\""),
                feature(POINT, "\"kind\":\"market\",\"id\":\"i7\"")), "x"))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).containsExactly(
                        "features[0].properties.kind: unknown kind 'bridge' (one of upgrade_road, new_road,"
                                + " new_power_line, new_substation, finance_point, market)",
                        "features[1].geometry: a Point; a new_road is drawn as a LineString",
                        "features[2].geometry: empty (a line needs two distinct points)",
                        "features[3].properties.cost: -5 is not a cost (a number of 0 or more, in the cost profile's"
                                + " currency)",
                        "features[4].properties.finance_type: missing",
                        "features[5].properties.roads: an upgrade names the road segments it applies to, as an array"
                                + " of their ids (e.g. [\"pokhara.w123\"])",
                        "features[6].geometry: (283.98, 28.21) is not a longitude, latitude in EPSG:4326",
                        "features[7].properties.voltage_kv: \"high\" is not a whole number from 1 to 1200"));
    }

    @Test
    void linesDrawnAcrossACountryAreRefused() {
        assertThatThrownBy(() -> ScenarioReader.read(collection(
                feature("{\"type\":\"LineString\",\"coordinates\":[[83.98,28.21],[83.98,28.8]]}",
                        "\"kind\":\"new_road\",\"class\":\"track\",\"surface\":\"dirt\""),
                feature("{\"type\":\"LineString\",\"coordinates\":[[74.0,31.0],[84.0,28.0]]}",
                        "\"kind\":\"new_power_line\",\"voltage_kv\":400"),
                feature("{\"type\":\"LineString\",\"coordinates\":[[83.98,28.21],[83.98,28.6],[83.98,28.65]]}",
                        "\"kind\":\"new_power_line\",\"voltage_kv\":33")), "x"))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).containsExactly(
                        "features[0].geometry: a straight stretch of 65.4 km, more than 50 km: draw a road along its"
                                + " way, with a vertex at least every 50 km",
                        "features[1].geometry: 1,024.6 km long, more than 500 km: draw a longer line as several"
                                + " interventions"));
    }

    @Test
    void hoursOfSupplyAreHoursOfADayAndComeWithTheGrid() {
        assertThatThrownBy(() -> ScenarioReader.read(collection(
                feature(LINE, "\"kind\":\"new_power_line\",\"voltage_kv\":33,\"supply_hours\":25"),
                feature(POINT, "\"kind\":\"new_substation\",\"supply_hours\":\"all day\""),
                feature(POINT, "\"kind\":\"finance_point\",\"finance_type\":\"bank\",\"supply_hours\":8")), "x"))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).containsExactly(
                        "features[0].properties.supply_hours: 25 is not hours of supply a day (0 to 24)",
                        "features[1].properties.supply_hours: \"all day\" is not hours of supply a day (0 to 24)",
                        "features[2].properties.supply_hours: only a new power line or substation brings hours of"
                                + " supply, not a finance_point"));
    }

    @Test
    void notAScenarioAtAll() {
        assertThatThrownBy(() -> ScenarioReader.read("{\"type\":", "x")).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("not a scenario: not JSON:");
        assertThatThrownBy(() -> ScenarioReader.read("{\"type\":\"Feature\"}", "x"))
                .hasMessage("not a scenario: a scenario is a GeoJSON FeatureCollection, one feature an intervention");
        assertThatThrownBy(() -> ScenarioReader.read("{\"type\":\"FeatureCollection\",\"features\":[]}", "x"))
                .hasMessage("scenario 'x' refused: features: a scenario needs at least one intervention");
        String many = collection(java.util.Collections.nCopies(1001, feature(POINT, "\"kind\":\"market\""))
                .toArray(String[]::new));
        assertThatThrownBy(() -> ScenarioReader.read(many, "x"))
                .hasMessage("scenario 'test' refused: features: 1001 interventions, more than the 1000 a scenario"
                        + " may hold");
    }
}
