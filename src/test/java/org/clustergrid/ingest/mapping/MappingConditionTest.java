package org.clustergrid.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.LayerFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Rules whose {@code when} tests several fields with nested all / any / not. */
class MappingConditionTest {
    @TempDir
    Path dir;

    static final String NESTED = """
            rules:
              - layer: finance
                when:
                  all:
                    - {field: DESC, matches: "(?i)co-?op\\\\w* society"}
                    - not: {field: DESC, matches: "(?i)\\\\b(milk|dairy)\\\\b"}
                    - any:
                        - {field: STATE, matches: "^Kerala$"}
                        - {field: DISTRICT, matches: "(?i)^idukki$"}
                set: {type: credit_cooperative}
              - layer: finance
                when: {not: {any: [{field: DESC, matches: "(?i)school"}, {field: DESC, matches: "(?i)clinic"}]}}
                set: {type: bank}
            """;

    Mapping mapping(String yaml) throws IOException {
        Path p = dir.resolve("rules.yaml");
        Files.writeString(p, yaml);
        return Mapping.read(p);
    }

    /** The finance type the mapping gives a record, or "skipped". */
    static String classify(Mapping m, String desc, String state, String district) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("DESC", desc);
        attributes.put("STATE", state);
        attributes.put("DISTRICT", district);
        ImportReport report = new ImportReport();
        LayerFeature f = new FeatureMapper(m, report).map(new SourceFeature("f.csv", "line 2",
                new GeometryFactory().createPoint(new Coordinate(77, 10)), attributes));
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        return f instanceof FinancePoint p ? p.type().name().toLowerCase() : "skipped";
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Co-operative Society, Kerala, Kollam, credit_cooperative",
        "cooperative society, Tamil Nadu, IDUKKI, credit_cooperative", // any: the second alternative
        "Milk Co-operative Society, Kerala, Kollam, bank", // not: the dairy falls through to the next rule
        "Co-operative Society, Tamil Nadu, Salem, bank", // any: neither alternative
        "Co-operative Society, null, null, bank", // empty fields match no expression
        "Primary school, Kerala, Kollam, skipped", // not(any): first alternative
        "Clinic, Kerala, Kollam, skipped", // not(any): second alternative
        "null, Kerala, Kollam, bank", // not of a test on an empty field holds
    })
    void nestedConditionsDecideTheRule(String desc, String state, String district, String expected)
            throws IOException {
        assertThat(classify(mapping(NESTED), desc, state, district)).isEqualTo(expected);
    }

    @Test
    void aRuleListsEveryFieldItsConditionsRead() throws IOException {
        Mapping m = mapping(NESTED);
        assertThat(m.rules().get(0).when().fields()).containsExactly("DESC", "STATE", "DISTRICT");
        assertThat(m.rules().get(1).when()).isInstanceOf(Condition.Not.class);
        assertThat(m.rules().get(1).when().fields()).containsExactly("DESC");
    }

    @Test
    void theSingleFieldFormStillWorks() throws IOException {
        Mapping m = mapping("rules:\n  - layer: finance\n    when: {field: DESC, matches: \"(?i)\\\\bbank\\\\b\"}\n"
                + "    set: {type: bank}\n");
        assertThat(classify(m, "State Bank", null, null)).isEqualTo("bank");
        assertThat(classify(m, "Banker's house", null, null)).isEqualTo("skipped");
    }

    @Test
    void malformedConditionsAreClearErrors() {
        assertBad("when: {field: DESC}", "invalid mapping rules.yaml: rule 1: 'when' must be one of "
                + Condition.SHAPES + ", found {field=DESC}");
        assertBad("when: {all: []}", "invalid mapping rules.yaml: rule 1: 'when' > all needs a list of at least"
                + " one condition");
        assertBad("when: {any: {field: DESC, matches: x}}", "rule 1: 'when' > any needs a list");
        assertBad("when: {all: [{field: DESC, matches: x}], field: DESC}",
                "rule 1: 'when': 'all' cannot share its condition with 'field'");
        assertBad("when: {all: [{field: DESC, matches: x}, {not: {field: DESC, matches: \"(\"}}]}",
                "rule 1: 'when' > all, item 2 > not: bad regular expression: Unclosed group");
        assertBad("when: {not: [{field: DESC, matches: x}]}", "rule 1: 'when' > not must be one of");
        assertBad("when: {field: DESC, matches: x, also: y}", "rule 1: 'when' must be one of");
    }

    void assertBad(String when, String message) {
        String yaml = "rules:\n  - layer: finance\n    " + when + "\n    set: {type: bank}\n";
        assertThatThrownBy(() -> mapping(yaml)).isInstanceOf(Mapping.InvalidMappingException.class)
                .hasMessageContaining(message);
    }
}
