package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.model.Typology.Setting;
import org.clustergrid.testing.DefaultProfile;
import org.junit.jupiter.api.Test;

class ProfileTest {
    static final Path DEFAULT = DefaultProfile.FILE;

    static ScoringProfile defaultProfile() throws Exception {
        return DefaultProfile.read();
    }

    @Test
    void defaultProfileLoadsAndEveryNumberCitesItsSource() throws Exception {
        ScoringProfile p = defaultProfile();
        assertThat(p.indicators()).hasSize(Indicator.values().length);
        assertThat(p.dimensionWeights().of(Dimension.ROADS)).isEqualTo(0.25);
        assertThat(p.parameters().ruralAccessDistanceM()).isEqualTo(2000);
        assertThat(p.hash()).hasSize(16);

        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(DEFAULT.toFile());
        List<String> unsourced = new ArrayList<>();
        for (String section : List.of("dimensions", "indicators", "parameters")) {
            root.path(section).fields().forEachRemaining(e -> {
                if (e.getValue().path("source").asText("").isBlank()) {
                    unsourced.add(section + "." + e.getKey());
                }
            });
        }
        for (String group : List.of("typology", "markets_served")) {
            root.path("targets").path(group).fields().forEachRemaining(e -> {
                if (e.getValue().path("source").asText("").isBlank()) {
                    unsourced.add("targets." + group + "." + e.getKey());
                }
            });
        }
        assertThat(unsourced).isEmpty();
    }

    @Test
    void targetsDependOnTypologyAndMarkets() throws Exception {
        Targets t = defaultProfile().targets();
        Map<Dimension, Double> craft = t.targetFor(new Typology(ClusterType.ARTISANAL_CRAFT, Setting.RURAL),
                Set.of(MarketScope.LOCAL));
        Map<Dimension, Double> exporter = t.targetFor(new Typology(ClusterType.ARTISANAL_CRAFT, Setting.RURAL),
                Set.of(MarketScope.GLOBAL));
        assertThat(craft.get(Dimension.MARKETS)).isEqualTo(50);
        assertThat(exporter.get(Dimension.MARKETS)).isEqualTo(90);
        assertThat(exporter.get(Dimension.POWER)).isEqualTo(80);
        assertThat(t.targetFor(Typology.UNKNOWN, Set.of()).get(Dimension.FINANCE)).isEqualTo(60);
    }

    @Test
    void aMissingThresholdIsNamed() throws Exception {
        String yaml = Files.readString(DEFAULT).replace("[[2000, 100], [5000, 60], [15000, 10], [30000, 0]]", "")
                .replace("  grid_served_mv_m:          {value: 3000, source: \"OnSSET calibration threshold\"}\n", "");
        assertThatThrownBy(() -> ProfileReader.read("broken.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ProfileReader.InvalidProfileException.class)
                .hasMessageContaining("broken.yaml: ")
                .hasMessageContaining("indicators.bank_distance.curve is missing")
                .hasMessageContaining("parameters.grid_served_mv_m.value is missing or not a number");
    }

    @Test
    void curvesAreAbsoluteAndClamped() {
        ScoreCurve c = new ScoreCurve(List.of(500.0, 2000.0, 10000.0), List.of(100.0, 60.0, 0.0));
        assertThat(c.score(0)).isEqualTo(100);
        assertThat(c.score(1250)).isEqualTo(80);
        assertThat(c.score(6000)).isEqualTo(30);
        assertThat(c.score(1e9)).isEqualTo(0);
        assertThatThrownBy(() -> new ScoreCurve(List.of(1.0, 1.0), List.of(0.0, 10.0)))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new ScoreCurve(List.of(1.0, 2.0), List.of(0.0, 120.0)))
                .hasMessageContaining("outside 0–100");
    }

    @Test
    void weightsMustBeNonNegativeAndSumPositive() {
        Map<Dimension, Double> ok = Map.of(Dimension.ROADS, 2.0, Dimension.POWER, 1.0, Dimension.FINANCE, 1.0,
                Dimension.MARKETS, 0.0);
        assertThat(new Weights(ok).of(Dimension.ROADS)).isEqualTo(0.5);
        assertThatThrownBy(() -> new Weights(Map.of(Dimension.ROADS, -1.0, Dimension.POWER, 1.0, Dimension.FINANCE, 1.0,
                Dimension.MARKETS, 1.0))).hasMessageContaining("weight of 'roads' must be a non-negative number");
        assertThatThrownBy(() -> new Weights(Map.of(Dimension.ROADS, 0.0, Dimension.POWER, 0.0, Dimension.FINANCE, 0.0,
                Dimension.MARKETS, 0.0))).hasMessageContaining("sum to something positive");
    }
}
