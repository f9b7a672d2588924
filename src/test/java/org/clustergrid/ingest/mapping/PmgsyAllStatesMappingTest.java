package org.clustergrid.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.shapefile.ShapefileReader;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The PMGSY facilities mapping on the registers of all 27 states: milk co-operatives, dairies and godowns are no
 * finance points, while credit co-operatives still are. Prints the records each outcome takes, so the effect of a
 * mapping change can be measured; {@code -Dpmgsy.mapping=FILE} measures another mapping (e.g. an older version).
 */
class PmgsyAllStatesMappingTest {
    /** Words of dairies and warehouses, whole words only (the place names Dudhai and Milki are no dairies). */
    static final Pattern NOT_FINANCE = Pattern.compile(
            "(?i)\\b(milk|dairy|dairies|dudh|doodh|dugdh\\w*|milma|godowns?|godam|warehouses?|ware\\s*house)\\b");
    /** Descriptions that name a credit co-operative outright. */
    static final Pattern CREDIT_COOPERATIVE = Pattern.compile(
            "(?i)\\bpacs\\b|co-?\\s?op\\w*\\.?\\s+bank|credit\\s+society|co-?\\s?op\\w*\\.?\\s+credit");
    static final Pattern ATM = Pattern.compile("(?i)\\batm\\b");

    @Test
    void financePointsAreNeitherDairiesNorGodownsAndCreditCooperativesStayCounted() throws IOException {
        Path mappingFile = Path.of(System.getProperty("pmgsy.mapping", "gis-data/mappings/pmgsy-facilities.yaml"));
        Mapping mapping = Mapping.read(mappingFile);
        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> wronglyFinance = new TreeMap<>();
        Map<String, Integer> creditCooperativesTaken = new TreeMap<>();
        Map<String, Integer> creditCooperativesMissed = new TreeMap<>();
        Map<String, String> outcomeOf = new TreeMap<>();
        for (Path zip : states()) {
            ImportReport report = new ImportReport();
            FeatureMapper mapper = new FeatureMapper(mapping, report);
            ShapefileReader.read(zip, report, s -> {
                LayerFeature f = mapper.map(s);
                String desc = String.valueOf(s.attributes().get("FAC_DESC"));
                String outcome = f instanceof FinancePoint p ? "finance:" + p.type().name().toLowerCase(Locale.ROOT)
                        : f != null ? f.layer().id() : "skipped";
                byOutcome.merge(outcome, 1, Integer::sum);
                outcomeOf.put(desc.toLowerCase(Locale.ROOT).trim(), outcome);
                if (f instanceof FinancePoint && NOT_FINANCE.matcher(desc).find()) {
                    wronglyFinance.merge(zip.getFileName() + ": " + desc, 1, Integer::sum);
                }
                if (CREDIT_COOPERATIVE.matcher(desc).find() && !NOT_FINANCE.matcher(desc).find()
                        && !ATM.matcher(desc).find()) {
                    (outcome.equals("finance:credit_cooperative") ? creditCooperativesTaken : creditCooperativesMissed)
                            .merge(desc.toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            });
            assertThat(report.hasErrors()).as(report.summary()).isFalse();
        }
        System.out.printf("PMGSY mapping %s on 27 states:%n  records by outcome: %s%n"
                        + "  dairies and godowns counted as finance: %d records, e.g. %s%n"
                        + "  credit co-operatives taken: %d records, missed: %s%n", mappingFile, byOutcome,
                total(wronglyFinance), sample(wronglyFinance), total(creditCooperativesTaken), creditCooperativesMissed);

        assertThat(wronglyFinance).isEmpty();
        assertThat(creditCooperativesMissed).isEmpty();
        // counts of single descriptions in the register (ogrinfo -sql "SELECT lower(FAC_DESC), COUNT(*) ...")
        assertThat(creditCooperativesTaken).containsEntry("pacs", 328).containsEntry("cooperative bank", 294)
                .containsEntry("co operative bank", 260).containsEntry("pacs house", 174);
        assertThat(total(creditCooperativesTaken)).isEqualTo(3820);

        // "gramin" (rural) alone is no bank; regional rural banks named as such still are
        assertThat(outcomeOf).containsEntry("gramin hat", "markets").containsEntry("gramin market", "markets")
                .containsEntry("gramin rugnalay", "skipped").containsEntry("indane gramin vitrak", "skipped")
                .containsEntry("gramin bachat kendra", "skipped").containsEntry("gramin high school", "skipped")
                .containsEntry("dena gramin", "finance:bank").containsEntry("andharapragathigrameenabank", "finance:bank")
                .containsEntry("assam gramin vikash", "finance:bank").containsEntry("utar bihar gramin benk", "finance:bank")
                .containsEntry("gramin and nationalize banks", "finance:bank");
        // the primary agricultural credit societies of Chhattisgarh and Madhya Pradesh, not their collection centres
        assertThat(outcomeOf).containsEntry("seva sahkari samiti", "finance:credit_cooperative")
                .containsEntry("prathamik sakh sahkari samity", "finance:credit_cooperative")
                .containsEntry("sahkari samiti collection center", "skipped");
    }

    static List<Path> states() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.require("india-pmgsy/Facilities"))) {
            List<Path> zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
            assertThat(zips).hasSize(27);
            return zips;
        }
    }

    static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The most frequent entries first. */
    static String sample(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining("; "));
    }
}
