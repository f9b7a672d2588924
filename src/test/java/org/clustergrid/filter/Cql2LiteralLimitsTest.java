package org.clustergrid.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric literals stay within a double's range and error messages quote bounded excerpts, in both encodings. */
class Cql2LiteralLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"firms BETWEEN 0 AND 1e999999999", "id = 1e10000000", "firms > 1e-2147483647",
        "firms > 1e-2147483649", "firms < -1e309", "firms > 1e-400", "firms IN (1, 2e99999999999999)",
        "S_INTERSECTS(geometry, BBOX(0, 0, 1e999, 1))"})
    void numbersBeyondADoubleAreRefusedQuicklyNamingTheRange(String filter) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Cql2Text.parse(filter)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("is outside the range a filter may compare")
                .hasMessageContaining("1.8E308")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(400));
        assertThat((System.nanoTime() - start) / 1e9).as("refused at once").isLessThan(5);
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        for (String v : new String[] {"1.7976931348623157e308", "-1.7976931348623157e308", "2.3e-308", "0e999999",
            "0", "123456789012345678901234567890"}) {
            Condition c = Cql2Text.parse("firms < " + v);
            assertThat(((Condition.Compare) c).right()).isEqualTo(new Operand.Numeric(new BigDecimal(v)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"op\": \"=\", \"args\": [{\"property\": \"id\"}, 1e10000000]}",
        "{\"op\": \"between\", \"args\": [{\"property\": \"firms\"}, 0, 1e999999999]}",
        "{\"op\": \"<\", \"args\": [{\"property\": \"firms\"}, 1e-2147483647]}",
        "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [0, 0, 1e400, 1]}]}"})
    void cql2JsonRefusesTheSameNumbers(String filter) {
        assertThatThrownBy(() -> Cql2Json.parse(filter)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("is outside the range a filter may compare");
    }

    @Test
    void longLiteralsAreQuotedAsExcerpts() {
        String longText = "x".repeat(100_000);
        assertThatThrownBy(() -> Cql2Text.parse("name = '" + longText + "' '" + longText + "'"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(400).contains("(100000 characters)"));
        assertThatThrownBy(() -> Cql2Text.parse("name = " + "9".repeat(5000) + "x"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(400));
        assertThatThrownBy(() -> Cql2Json.parse("{\"op\": \"=\", \"args\": [\"" + longText + "\"]}"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(400));
        assertThatThrownBy(() -> Cql2Text.parse("POINT(1 " + longText + ")"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(400));
    }
}
